import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AccountPanel } from "@/app/_components/AccountPanel";
import { requireRole } from "@/lib/auth/guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Admin");
  return { title: t("metaTitle"), robots: { index: false } };
}

export default async function AdminHomePage() {
  const viewer = await requireRole("admin");
  const [t, tu, tc, ta, tp] = await Promise.all([
    getTranslations("Admin"),
    getTranslations("AdminUsers"),
    getTranslations("AdminCalls"),
    getTranslations("AdminAudit"),
    getTranslations("PastWinners"),
  ]);
  return (
    <div className="space-y-8">
      <section aria-labelledby="area-title" className="space-y-2">
        <h1 id="area-title" className="text-3xl font-bold" data-testid="area-heading">
          {t("hello", { name: viewer.givenName })}
        </h1>
        <p className="text-lg text-slate-700">{t("intro")}</p>
      </section>
      <nav aria-labelledby="admin-sections-title">
        <h2 id="admin-sections-title" className="sr-only">
          {t("metaTitle")}
        </h2>
        <ul className="m-0 grid list-none gap-4 p-0 sm:grid-cols-2 lg:grid-cols-3">
          <li className="rounded-lg border border-slate-300 bg-white p-4">
            <Link href="/admin/calls" className="text-lg font-semibold" data-testid="admin-calls-link">
              {tc("homeLink")}
            </Link>
            <p className="mt-1 text-slate-700">{tc("homeDescription")}</p>
          </li>
          <li className="rounded-lg border border-slate-300 bg-white p-4">
            <Link href="/admin/users" className="text-lg font-semibold" data-testid="admin-users-link">
              {tu("homeLink")}
            </Link>
            <p className="mt-1 text-slate-700">{tu("homeDescription")}</p>
          </li>
          <li className="rounded-lg border border-slate-300 bg-white p-4">
            <Link href="/admin/audit" className="text-lg font-semibold" data-testid="admin-audit-link">
              {ta("homeLink")}
            </Link>
            <p className="mt-1 text-slate-700">{ta("homeDescription")}</p>
          </li>
          <li className="rounded-lg border border-slate-300 bg-white p-4">
            <Link href="/admin/past-winners" className="text-lg font-semibold" data-testid="admin-past-winners-link">
              {tp("homeLink")}
            </Link>
            <p className="mt-1 text-slate-700">{tp("homeDescription")}</p>
          </li>
        </ul>
      </nav>
      <AccountPanel />
    </div>
  );
}
