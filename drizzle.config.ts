import { defineConfig } from "drizzle-kit";

// Used by `npm run db:generate` only (it reads the schema, not a database).
// Migrations are applied by scripts/migrate.ts (the launcher runs it at start).
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  strict: true,
});
