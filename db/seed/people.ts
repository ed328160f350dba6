/** Kazakh names, villages and contact data for generated (demo and benchmark) people. */
import type { DistrictCode } from "@/lib/domain/districts";
import type { Rng } from "./util";

const SURNAMES = [
  "Ахметов", "Нұрланов", "Серікбаев", "Жұмабеков", "Төлеуов", "Қасымов", "Оспанов", "Бекболатов",
  "Сәрсенбаев", "Әбдірахманов", "Ермеков", "Омаров", "Исаев", "Мұратов", "Байжанов", "Әлиев",
  "Тоқтаров", "Құдайбергенов", "Есенов", "Жақсылықов", "Мамыров", "Сейітов", "Нұрмағамбетов",
  "Бейсенов", "Әбенов", "Темірханов", "Рахимов", "Қалиев", "Шәріпов", "Дүйсенов", "Ыбырайымов",
  "Садықов", "Көшербаев", "Тұрсынов", "Ізбасаров",
] as const;

const MALE_NAMES = [
  "Нұрсұлтан", "Ерлан", "Дәурен", "Асқар", "Бауыржан", "Арман", "Ержан", "Дамир", "Әлихан", "Темірлан",
  "Санжар", "Нұрбол", "Жандос", "Мирас", "Алмас", "Ерасыл", "Аян", "Әділет", "Бекзат", "Ернар",
] as const;

const FEMALE_NAMES = [
  "Айгерім", "Әсел", "Дана", "Жанар", "Гүлнұр", "Мадина", "Аружан", "Динара", "Айдана", "Жансая",
  "Томирис", "Салтанат", "Назерке", "Ақбота", "Балжан", "Перизат", "Інжу", "Сымбат", "Камила", "Ұлжан",
] as const;

const FATHER_NAMES = ["Серік", "Нұрлан", "Болат", "Қайрат", "Ерлан", "Марат", "Асқар", "Бақыт", "Талғат", "Жұмабек", "Ғалым", "Дәулет"] as const;

export type Person = { surname: string; givenName: string; patronymic: string };

export function femaleSurname(male: string): string {
  return /(ов|ев|ин)$/.test(male) ? `${male}а` : male;
}

export function makePerson(rng: Rng, sex: "male" | "female"): Person {
  const surname = rng.pick(SURNAMES);
  const father = rng.pick(FATHER_NAMES);
  return sex === "male"
    ? { surname, givenName: rng.pick(MALE_NAMES), patronymic: `${father}ұлы` }
    : { surname: femaleSurname(surname), givenName: rng.pick(FEMALE_NAMES), patronymic: `${father}қызы` };
}

/** A village or town of each district, in Kazakh and Russian (for the plan's "location"). */
export const PLACES: Readonly<Record<DistrictCode, { kk: string; ru: string }[]>> = {
  balkhash: [{ kk: "Бақанас ауылы", ru: "село Баканас" }, { kk: "Береке ауылы", ru: "село Береке" }],
  enbekshikazakh: [{ kk: "Есік қаласы", ru: "город Есик" }, { kk: "Түрген ауылы", ru: "село Тургень" }, { kk: "Шелек ауылы", ru: "село Шелек" }],
  zhambyl: [{ kk: "Ұзынағаш ауылы", ru: "село Узынагаш" }, { kk: "Қаргалы ауылы", ru: "село Каргалы" }],
  ili: [{ kk: "Өтеген батыр ауылы", ru: "село Отеген батыр" }, { kk: "Боралдай ауылы", ru: "село Боралдай" }, { kk: "Ащыбұлақ ауылы", ru: "село Ащыбулак" }],
  karasai: [{ kk: "Қаскелең қаласы", ru: "город Каскелен" }, { kk: "Шамалған ауылы", ru: "село Шамалган" }, { kk: "Ақсай ауылы", ru: "село Аксай" }],
  kegen: [{ kk: "Кеген ауылы", ru: "село Кеген" }, { kk: "Жалаулы ауылы", ru: "село Жалаулы" }],
  raiymbek: [{ kk: "Нарынқол ауылы", ru: "село Нарынкол" }, { kk: "Сарыжаз ауылы", ru: "село Сарыжаз" }],
  talgar: [{ kk: "Талғар қаласы", ru: "город Талгар" }, { kk: "Бесқайнар ауылы", ru: "село Бескайнар" }, { kk: "Панфилов ауылы", ru: "село Панфилово" }],
  uighur: [{ kk: "Шонжы ауылы", ru: "село Чунджа" }, { kk: "Кетпен ауылы", ru: "село Кетпен" }],
  konaev: [{ kk: "Қонаев қаласы", ru: "город Конаев" }],
  alatau: [{ kk: "Алатау қаласы", ru: "город Алатау" }],
};

/** `+7701` and seven digits, unique per index (up to 10 million). */
export function phoneFor(index: number, prefix = "701"): string {
  return `+7${prefix}${String(index % 10_000_000).padStart(7, "0")}`;
}
