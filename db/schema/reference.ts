import { bigint, boolean, check, integer, pgTable, smallint, text } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";

/** The 9 districts and 2 cities of regional significance of Almaty region. */
export const districts = pgTable("districts", {
  code: text("code").primaryKey(),
  nameKk: text("name_kk").notNull(),
  nameRu: text("name_ru").notNull(),
  nameEn: text("name_en").notNull(),
  rural: boolean("rural").notNull(),
  sortOrder: smallint("sort_order").notNull().default(0),
});

/** The monthly calculation index (МРП / АЕК) by year, in whole tenge. */
export const mrpRates = pgTable(
  "mrp_rates",
  {
    year: integer("year").primaryKey(),
    amount: bigint("amount", { mode: "number" }).notNull(),
  },
  (t) => [check("mrp_rates_amount_positive", sql`${t.amount} > 0`)],
);
