/**
 * The titles of the demo's calls in kk, ru and en (pure: the glossary test reads them too). `year` is the
 * call's year.
 */
import type { Localised } from "@/db/schema";

export const DEMO_CALL_TITLES = {
  biznes_bastau: (year: number): Localised => ({
    kk: `Бизнес бастау — ${year} жылғы конкурс`,
    ru: `Бизнес бастау — конкурс ${year} года`,
    en: `Biznes bastau — ${year} call`,
  }),
  tauelsizdik_urpaqtary: (year: number): Localised => ({
    kk: `Тәуелсіздік ұрпақтары — ${year} жылғы облыстық грант`,
    ru: `Тәуелсіздік ұрпақтары — областной грант ${year} года`,
    en: `Generations of Independence — ${year} regional grant`,
  }),
  zangar: (year: number): Localised => ({
    kk: `Заңғар — ${year} жылғы жастар сыйлығы`,
    ru: `Заңғар — молодёжная премия ${year} года`,
    en: `Zangar — ${year} youth prize`,
  }),
} as const;

/** The columns of a call row for a title. */
export function titleColumns(t: Localised): { titleKk: string; titleRu: string; titleEn: string } {
  return { titleKk: t.kk, titleRu: t.ru, titleEn: t.en };
}
