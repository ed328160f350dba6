import { describe, expect, it } from 'vitest';
import { calendarDateIn, formatDate, formatDateTime, timeLeft } from './datetime';

const deadline = new Date('2026-12-01T18:59:00Z'); // 1 Dec 2026, 23:59 in Almaty (UTC+5)

describe('formatDateTime', () => {
  it('shows 23:59 on 1 Dec in Asia/Almaty, in every locale', () => {
    expect(formatDateTime(deadline, 'kk')).toBe('2026 ж. 01 жел., 23:59');
    expect(formatDateTime(deadline, 'ru')).toBe('1 дек. 2026 г., 23:59');
    expect(formatDateTime(deadline, 'en')).toBe('Dec 1, 2026, 23:59');
  });

  it('rolls over to 2 Dec at 19:00 UTC', () => {
    const next = new Date('2026-12-01T19:00:00Z');
    expect(formatDateTime(next, 'ru')).toBe('2 дек. 2026 г., 00:00');
    expect(formatDateTime(next, 'en')).toBe('Dec 2, 2026, 00:00');
  });

  it('rejects an invalid date', () => {
    expect(() => formatDateTime(new Date('nope'), 'ru')).toThrow(RangeError);
  });
});

describe('formatDate', () => {
  it('shows the Almaty calendar date', () => {
    expect(formatDate(deadline, 'kk')).toBe('2026 ж. 01 жел.');
    expect(formatDate(deadline, 'ru')).toBe('1 дек. 2026 г.');
    expect(formatDate(deadline, 'en')).toBe('Dec 1, 2026');
    expect(formatDate(new Date('2026-12-01T19:00:00Z'), 'en')).toBe('Dec 2, 2026');
  });
});

describe('calendarDateIn', () => {
  it('gives the Almaty date by default', () => {
    expect(calendarDateIn(new Date('2026-03-01T19:30:00Z'))).toBe('2026-03-02');
    expect(calendarDateIn(new Date('2026-03-01T18:59:59Z'))).toBe('2026-03-01');
    expect(calendarDateIn(new Date('2026-03-01T19:30:00Z'), 'UTC')).toBe('2026-03-01');
  });
});

describe('timeLeft', () => {
  const at = (ms: number) => new Date(deadline.getTime() - ms);

  it('splits into days, hours and minutes', () => {
    const ms = ((2 * 24 + 3) * 60 + 4) * 60_000;
    expect(timeLeft(at(ms), deadline)).toEqual({ days: 2, hours: 3, minutes: 4, passed: false });
    expect(timeLeft(at(24 * 3_600_000), deadline)).toEqual({ days: 1, hours: 0, minutes: 0, passed: false });
  });

  it('rounds down to whole minutes', () => {
    expect(timeLeft(at(90_000), deadline)).toEqual({ days: 0, hours: 0, minutes: 1, passed: false });
    expect(timeLeft(at(1), deadline)).toEqual({ days: 0, hours: 0, minutes: 0, passed: false });
  });

  it('is passed at and after the deadline', () => {
    expect(timeLeft(deadline, deadline)).toEqual({ days: 0, hours: 0, minutes: 0, passed: true });
    expect(timeLeft(at(-5 * 60_000), deadline)).toEqual({ days: 0, hours: 0, minutes: 0, passed: true });
  });
});
