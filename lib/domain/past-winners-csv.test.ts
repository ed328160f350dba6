import { describe, expect, it } from 'vitest';
import { makeIin } from './iin';
import { PAST_WINNERS_MAX_BYTES, PAST_WINNERS_MAX_LINES, parsePastWinnersCsv } from './past-winners-csv';

const A = '900101300007';
const B = '061211600012';
const C = makeIin('1999-05-17', 'female', 77);
const bytes = (s: string) => new TextEncoder().encode(s);

describe('parsePastWinnersCsv', () => {
  it('reads one IIN a line (LF and CRLF, trailing newline, bytes or text)', () => {
    const r = parsePastWinnersCsv(bytes(`${A}\r\n${B}\n${C}\n`));
    expect(r).toEqual({ ok: true, iins: [A, B, C], errors: [], header: false, dataLines: 3 });
    expect(parsePastWinnersCsv(`${A}\n${B}`)).toMatchObject({ ok: true, iins: [A, B] });
  });

  it('strips a UTF-8 BOM', () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(`${A}\n${B}\n`)]);
    expect(parsePastWinnersCsv(withBom)).toMatchObject({ ok: true, iins: [A, B], errors: [] });
  });

  it("reads ';' and ',' separated lines with a name column that is not kept", () => {
    const semi = parsePastWinnersCsv(bytes(`${A};Асқаров Нұрлан\n${B};"Иванова, Анна"\n`));
    expect(semi).toMatchObject({ ok: true, iins: [A, B], errors: [] });
    expect(JSON.stringify(semi)).not.toContain('Асқаров');
    expect(parsePastWinnersCsv(bytes(`"${A}",Nurlan\n${B},Anna\n`))).toMatchObject({ ok: true, iins: [A, B] });
  });

  it('detects a header row (no digits) and finds the IIN column by its name', () => {
    expect(parsePastWinnersCsv(bytes(`ИИН;ФИО\n${A};Асқаров\n`))).toMatchObject({ ok: true, header: true, iins: [A], errors: [] });
    expect(parsePastWinnersCsv(bytes(`Аты-жөні,ЖСН\nАсқаров,${A}\nИванова,${B}\n`))).toMatchObject({
      ok: true,
      header: true,
      iins: [A, B],
    });
    // Without a header the first line is data (and its line number is 1).
    expect(parsePastWinnersCsv(bytes(`12345\n${A}\n`))).toMatchObject({ header: false, errors: [{ line: 1, reason: 'length' }] });
  });

  it('gives each bad line its number and reason; empty lines are ignored but counted in numbering', () => {
    const r = parsePastWinnersCsv(
      bytes(['IIN', A, '', '90010130000', '9001013000x7', '901301300007', '900101700007', '821214240092', '900101300008', A, '  '].join('\n')),
    );
    expect(r).toEqual({
      ok: true,
      iins: [A],
      header: true,
      dataLines: 8,
      errors: [
        { line: 4, reason: 'length' },
        { line: 5, reason: 'digits' },
        { line: 6, reason: 'date' },
        { line: 7, reason: 'century' },
        { line: 8, reason: 'checksum' },
        { line: 9, reason: 'checksum' },
        { line: 10, reason: 'duplicate' },
      ],
    });
  });

  it('refuses an empty file, a file of blank lines and a header alone', () => {
    expect(parsePastWinnersCsv(bytes(''))).toEqual({ ok: false, error: 'empty' });
    expect(parsePastWinnersCsv(bytes('\n \n\r\n'))).toEqual({ ok: false, error: 'empty' });
    expect(parsePastWinnersCsv(bytes('IIN;Name\n'))).toEqual({ ok: false, error: 'empty' });
  });

  it('refuses what is not UTF-8 text', () => {
    expect(parsePastWinnersCsv(new Uint8Array([0xff, 0xfe, 0x39, 0x00]))).toEqual({ ok: false, error: 'not_text' });
    // A ZIP (xlsx) starts with PK\x03\x04.
    expect(parsePastWinnersCsv(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toEqual({ ok: false, error: 'not_text' });
  });

  it('limits the file to 1 MB and 20,000 lines', () => {
    expect(parsePastWinnersCsv(new Uint8Array(PAST_WINNERS_MAX_BYTES + 1).fill(0x31))).toEqual({ ok: false, error: 'too_large' });
    const atLimit = Array.from({ length: PAST_WINNERS_MAX_LINES }, (_, i) => makeIin('2000-01-01', 'male', i % 9000)).join('\n');
    const ok = parsePastWinnersCsv(bytes(atLimit + '\n'));
    expect(ok.ok).toBe(true);
    expect(parsePastWinnersCsv(bytes(atLimit + '\n' + A))).toEqual({ ok: false, error: 'too_many_lines' });
  });
});
