/** The demo accounts (local demo only: never seeded in production unless SEED_DEMO=1). */
export const DEMO_PASSWORD = "demo-password-2026";

export const DEMO_ACCOUNTS = [
  { email: "admin@jasgrant.demo", role: "admin" },
  { email: "reviewer1@jasgrant.demo", role: "reviewer" },
  { email: "reviewer2@jasgrant.demo", role: "reviewer" },
  { email: "reviewer3@jasgrant.demo", role: "reviewer" },
  { email: "applicant1@jasgrant.demo", role: "applicant" },
  { email: "applicant2@jasgrant.demo", role: "applicant" },
  { email: "applicant3@jasgrant.demo", role: "applicant" },
  { email: "applicant4@jasgrant.demo", role: "applicant" },
  { email: "applicant5@jasgrant.demo", role: "applicant" },
  { email: "applicant6@jasgrant.demo", role: "applicant" },
] as const;
