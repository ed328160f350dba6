import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AccountPanel } from "@/app/_components/AccountPanel";
import { NavCards } from "@/app/_components/NavCards";
import { requireRole } from "@/lib/auth/guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Admin");
  return { title: t("metaTitle"), robots: { index: false } };
}

export default async function AdminHomePage() {
  const viewer = await requireRole("admin");
  const [t, tu, tc, ta, tp, te] = await Promise.all([
    getTranslations("Admin"),
    getTranslations("AdminUsers"),
    getTranslations("AdminCalls"),
    getTranslations("AdminAudit"),
    getTranslations("PastWinners"),
    getTranslations("AdminEditor"),
  ]);
  const [td, tm] = await Promise.all([getTranslations("AdminDashboard"), getTranslations("AdminEmails")]);
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
        <NavCards
          cards={[
            { href: "/admin/calls", label: tc("homeLink"), description: tc("homeDescription"), testId: "admin-calls-link" },
            { href: "/admin/users", label: tu("homeLink"), description: tu("homeDescription"), testId: "admin-users-link" },
            { href: "/admin/audit", label: ta("homeLink"), description: ta("homeDescription"), testId: "admin-audit-link" },
            { href: "/admin/past-winners", label: tp("homeLink"), description: tp("homeDescription"), testId: "admin-past-winners-link" },
            { href: "/admin/dashboard", label: td("homeLink"), description: td("homeDescription"), testId: "admin-dashboard-link" },
            { href: "/admin/programmes", label: te("programmesLink"), description: te("programmesHomeDescription"), testId: "admin-programmes-link" },
            { href: "/admin/emails", label: tm("homeLink"), description: tm("homeDescription"), testId: "admin-emails-link" },
          ]}
        />
      </nav>
      <AccountPanel />
    </div>
  );
}
