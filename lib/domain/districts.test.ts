import { describe, expect, it } from 'vitest';
import { DISTRICTS, DISTRICT_CODES, districtName, getDistrict, isDistrictCode } from './districts';

describe('districts', () => {
  it('has 11 unique codes, in the same order as DISTRICT_CODES', () => {
    expect(DISTRICT_CODES).toHaveLength(11);
    expect(new Set(DISTRICT_CODES).size).toBe(11);
    expect(DISTRICTS.map((d) => d.code)).toEqual([...DISTRICT_CODES]);
  });

  it('has 9 rural districts and 2 urban cities', () => {
    expect(DISTRICTS.filter((d) => d.rural)).toHaveLength(9);
    expect(DISTRICTS.filter((d) => !d.rural).map((d) => d.code)).toEqual(['konaev', 'alatau']);
  });

  it('has unique, non-empty names in every language', () => {
    for (const locale of ['kk', 'ru', 'en'] as const) {
      const names = DISTRICTS.map((d) => d[locale]);
      expect(new Set(names).size).toBe(11);
      for (const n of names) expect(n.trim()).not.toBe('');
    }
  });

  it('names and looks up districts', () => {
    expect(districtName('ili', 'kk')).toBe('Іле ауданы');
    expect(districtName('konaev', 'ru')).toBe('г. Конаев');
    expect(getDistrict('talgar').en).toBe('Talgar district');
    expect(isDistrictCode('karasai')).toBe(true);
    expect(isDistrictCode('almaty')).toBe(false);
  });
});
