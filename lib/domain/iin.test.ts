import { describe, expect, it } from 'vitest';
import { ageOn, iinCheckDigit, isValidIin, makeIin, maskIin, parseIin } from './iin';

describe('parseIin', () => {
  it('accepts 900101300007 (check digit from the first pass)', () => {
    expect(parseIin('900101300007')).toEqual({
      ok: true,
      iin: '900101300007',
      birthDate: '1990-01-01',
      sex: 'male',
    });
  });

  it('accepts 061211600012 (check digit from the second pass)', () => {
    expect(parseIin('061211600012')).toEqual({
      ok: true,
      iin: '061211600012',
      birthDate: '2006-12-11',
      sex: 'female',
    });
    expect(iinCheckDigit('90010130000')).toBe(7);
  });

  it('refuses 821214240092 (both passes give 10)', () => {
    expect(iinCheckDigit('82121424009')).toBeNull();
    expect(parseIin('821214240092')).toEqual({ ok: false, reason: 'checksum' });
  });

  it.each(['', '90010130000', '9001013000070', ' 900101300007', '900101300007 '])(
    'refuses wrong length %j',
    (s) => expect(parseIin(s)).toEqual({ ok: false, reason: 'length' }),
  );

  it.each(['90010130000a', '9001013000-7', '900101 00007', '９00101300007', '+90101300007'])(
    'refuses non-digits %j',
    (s) => expect(parseIin(s)).toEqual({ ok: false, reason: 'digits' }),
  );

  it.each(['0', '7', '8', '9'])('refuses century digit %s', (c) => {
    expect(parseIin(`900101${c}00007`)).toEqual({ ok: false, reason: 'century' });
  });

  it.each([
    '900230300007', // 30 Feb
    '901301300007', // month 13
    '900001300007', // month 0
    '900100300007', // day 0
    '900431300007', // 31 Apr
    '900229300007', // 29 Feb 1990, not leap
    '000229300007', // 29 Feb 1900, not leap (century rule)
  ])('refuses impossible date %s', (s) => {
    expect(parseIin(s)).toEqual({ ok: false, reason: 'date' });
  });

  it('accepts 29 Feb in a leap year (2000 and 1996)', () => {
    expect(parseIin(makeIin('2000-02-29', 'male'))).toMatchObject({ ok: true, birthDate: '2000-02-29' });
    expect(parseIin(makeIin('1996-02-29', 'female'))).toMatchObject({ ok: true, birthDate: '1996-02-29' });
  });

  it('refuses every wrong check digit', () => {
    for (let d = 0; d <= 9; d++) {
      if (d === 7) continue;
      expect(parseIin(`90010130000${d}`)).toEqual({ ok: false, reason: 'checksum' });
    }
  });

  it('decodes century and sex from digit 7', () => {
    const cases = [
      ['1', '1890-05-17', 'male'],
      ['2', '1890-05-17', 'female'],
      ['3', '1990-05-17', 'male'],
      ['4', '1990-05-17', 'female'],
      ['5', '2090-05-17', 'male'],
      ['6', '2090-05-17', 'female'],
    ] as const;
    for (const [digit, birthDate, sex] of cases) {
      const iin = makeIin(birthDate, sex);
      expect(iin.charAt(6)).toBe(digit);
      expect(parseIin(iin)).toEqual({ ok: true, iin, birthDate, sex });
    }
  });

  it('isValidIin agrees with parseIin', () => {
    expect(isValidIin('900101300007')).toBe(true);
    expect(isValidIin('061211600012')).toBe(true);
    expect(isValidIin('821214240092')).toBe(false);
    expect(isValidIin('900101300008')).toBe(false);
    expect(isValidIin('abc')).toBe(false);
  });
});

describe('makeIin', () => {
  it('reproduces the DOMAIN.md vectors', () => {
    expect(makeIin('1990-01-01', 'male', 0)).toBe('900101300007');
    expect(makeIin('2006-12-11', 'female', 1)).toBe('061211600012');
    expect(makeIin('1990-01-01', 'male')).toBe('900101300017'); // default serial 1
  });

  it('skips a serial whose both passes give 10', () => {
    // 821214240092 is 14 Dec 1882 (century digit 2), female, serial 4009: both passes give 10,
    // so serial 4010 is used (first pass gives 9).
    expect(makeIin('1882-12-14', 'female', 4009)).toBe('821214240109');
    expect(makeIin('1882-12-14', 'female', 4010)).toBe('821214240109');
    expect(isValidIin('821214240109')).toBe(true);
  });

  it('builds valid IINs for many dates, sexes and serials', () => {
    const dates = ['1800-01-01', '1899-12-31', '1904-02-29', '1990-06-15', '2000-02-29', '2008-11-30', '2099-12-31'];
    for (const date of dates) {
      for (const sex of ['male', 'female'] as const) {
        for (const serial of [1, 2, 57, 999, 5000]) {
          const iin = makeIin(date, sex, serial);
          expect(parseIin(iin)).toEqual({ ok: true, iin, birthDate: date, sex });
        }
      }
    }
  });

  it('refuses what an IIN cannot encode', () => {
    expect(() => makeIin('1799-12-31', 'male')).toThrow(RangeError);
    expect(() => makeIin('2100-01-01', 'male')).toThrow(RangeError);
    expect(() => makeIin('1990-02-30', 'male')).toThrow(RangeError);
    expect(() => makeIin('1990-01-01', 'male', -1)).toThrow(RangeError);
    expect(() => makeIin('1990-01-01', 'male', 10000)).toThrow(RangeError);
    expect(() => makeIin('1990-01-01', 'male', 1.5)).toThrow(RangeError);
  });
});

describe('ageOn', () => {
  it('counts whole years around a birthday (Almaty calendar date)', () => {
    // 2026-06-14T19:00Z = 15 Jun 00:00 in Almaty
    expect(ageOn('2008-06-15', new Date('2026-06-14T18:59:59.999Z'))).toBe(17);
    expect(ageOn('2008-06-15', new Date('2026-06-14T19:00:00Z'))).toBe(18);
    expect(ageOn('2008-06-15', new Date('2026-06-15T12:00:00Z'))).toBe(18);
    expect(ageOn('2008-06-15', new Date('2026-12-31T12:00:00Z'))).toBe(18);
    expect(ageOn('2008-06-15', new Date('2027-06-14T12:00:00Z'))).toBe(18);
    expect(ageOn('2008-06-15', new Date('2027-06-15T12:00:00Z'))).toBe(19);
  });

  it('uses the Almaty date, not the UTC date (UTC+5)', () => {
    const at = new Date('2026-03-01T19:30:00Z'); // 2 Mar 00:30 in Almaty
    expect(ageOn('1991-03-02', at)).toBe(35);
    expect(ageOn('1991-03-02', at, 'UTC')).toBe(34);
    expect(ageOn('1991-03-02', new Date('2026-03-01T18:59:59Z'))).toBe(34);
  });

  it('counts a 29 Feb birthday as reached on 1 Mar in non-leap years', () => {
    expect(ageOn('2008-02-29', new Date('2026-02-28T12:00:00Z'))).toBe(17);
    expect(ageOn('2008-02-29', new Date('2026-03-01T12:00:00Z'))).toBe(18);
    // 28 Feb 23:59 Almaty vs 1 Mar 00:00 Almaty
    expect(ageOn('2008-02-29', new Date('2026-02-28T18:59:00Z'))).toBe(17);
    expect(ageOn('2008-02-29', new Date('2026-02-28T19:00:00Z'))).toBe(18);
    // leap year: reached on 29 Feb itself
    expect(ageOn('2008-02-29', new Date('2028-02-28T12:00:00Z'))).toBe(19);
    expect(ageOn('2008-02-29', new Date('2028-02-29T12:00:00Z'))).toBe(20);
  });

  it('is 0 on the day of birth and rejects bad input', () => {
    expect(ageOn('2026-01-10', new Date('2026-01-10T00:00:00Z'))).toBe(0);
    expect(() => ageOn('2026-02-30', new Date())).toThrow(RangeError);
    expect(() => ageOn('20260101', new Date())).toThrow(RangeError);
    expect(() => ageOn('2000-01-01', new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('maskIin', () => {
  it('keeps the birth date and hides the rest', () => {
    expect(maskIin('900101300007')).toBe('900101******');
  });

  it('hides anything that is not an IIN entirely', () => {
    expect(maskIin('12345')).toBe('************');
    expect(maskIin('90010130000a')).toBe('************');
  });
});
