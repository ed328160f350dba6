/** Almaty region: 9 districts (rural) + 2 cities of regional significance (urban). Pure. */
import type { Locale } from './datetime';

export const DISTRICT_CODES = [
  'balkhash',
  'enbekshikazakh',
  'zhambyl',
  'ili',
  'karasai',
  'kegen',
  'raiymbek',
  'talgar',
  'uighur',
  'konaev',
  'alatau',
] as const;

export type DistrictCode = (typeof DISTRICT_CODES)[number];

export interface District {
  code: DistrictCode;
  kk: string;
  ru: string;
  en: string;
  rural: boolean;
}

export const DISTRICTS: readonly District[] = [
  { code: 'balkhash', kk: 'Балқаш ауданы', ru: 'Балхашский район', en: 'Balkhash district', rural: true },
  { code: 'enbekshikazakh', kk: 'Еңбекшіқазақ ауданы', ru: 'Енбекшиказахский район', en: 'Enbekshikazakh district', rural: true },
  { code: 'zhambyl', kk: 'Жамбыл ауданы', ru: 'Жамбылский район', en: 'Zhambyl district', rural: true },
  { code: 'ili', kk: 'Іле ауданы', ru: 'Илийский район', en: 'Ili district', rural: true },
  { code: 'karasai', kk: 'Қарасай ауданы', ru: 'Карасайский район', en: 'Karasai district', rural: true },
  { code: 'kegen', kk: 'Кеген ауданы', ru: 'Кегенский район', en: 'Kegen district', rural: true },
  { code: 'raiymbek', kk: 'Райымбек ауданы', ru: 'Райымбекский район', en: 'Raiymbek district', rural: true },
  { code: 'talgar', kk: 'Талғар ауданы', ru: 'Талгарский район', en: 'Talgar district', rural: true },
  { code: 'uighur', kk: 'Ұйғыр ауданы', ru: 'Уйгурский район', en: 'Uighur district', rural: true },
  { code: 'konaev', kk: 'Қонаев қаласы', ru: 'г. Конаев', en: 'Konaev city', rural: false },
  { code: 'alatau', kk: 'Алатау қаласы', ru: 'г. Алатау', en: 'Alatau city', rural: false },
];

export function isDistrictCode(value: string): value is DistrictCode {
  return (DISTRICT_CODES as readonly string[]).includes(value);
}

export function getDistrict(code: DistrictCode): District {
  const d = DISTRICTS.find((x) => x.code === code);
  if (!d) throw new RangeError(`Unknown district ${code}`);
  return d;
}

export function districtName(code: DistrictCode, locale: Locale): string {
  return getDistrict(code)[locale];
}
