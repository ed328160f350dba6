import "server-only";
import { useLocale } from "next-intl";
import { formatMoney } from "@/lib/domain/money";
import type { Locale } from "@/lib/i18n/routing";

type MoneyProps = {
  /** Whole tenge. */
  amount: number;
  /** Defaults to the request's locale. */
  locale?: Locale;
  className?: string;
};

/**
 * An amount of tenge, formatted on the server in the request's language (kk/ru "1 500 000 ₸",
 * en "₸1,500,000"). Server-only on purpose: browsers lack the Kazakh number data, so formatting in
 * a client component would differ from the server's HTML (a hydration error). Client components
 * take the formatted text as a prop instead. The machine-readable amount is in `<data value>`.
 */
export function Money({ amount, locale, className }: MoneyProps) {
  const requestLocale = useLocale();
  return (
    <data value={String(amount)} className={["whitespace-nowrap tabular-nums", className ?? ""].join(" ").trim()}>
      {formatMoney(amount, locale ?? requestLocale)}
    </data>
  );
}
