import { z } from "zod";

/**
 * The one reader of process.env. Parsed by zod once, on first use (not at import, so
 * `next build` can load modules without a runtime configuration).
 *
 * Modes:
 * - demo: the launcher started an embedded PostgreSQL and passes DATABASE_URL, AUTH_SECRET and
 *   APP_URL itself (APP_MODE=demo). Demo data may be seeded.
 * - production: the operator set DATABASE_URL; AUTH_SECRET and APP_URL are required and demo data
 *   is never seeded.
 */
const optionalUrl = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === "" ? undefined : v))
  .pipe(z.string().url().optional());

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    APP_MODE: z.enum(["demo", "production"]).default("production"),
    DATABASE_URL: z
      .string({ error: "DATABASE_URL is required (a postgres:// connection string)" })
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgres:// or postgresql://"),
    DATABASE_OWNER_URL: optionalUrl,
    DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
    DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
    AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters (openssl rand -base64 33)"),
    APP_URL: z.string().url("APP_URL must be the portal's public URL, e.g. https://grant.example.kz"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    SMTP_URL: optionalUrl,
    MAIL_FROM: z.string().default("Jas Grant <no-reply@jasgrant.local>"),
    MAIL_DIR: z.string().default(".data/mail"),
    OUTBOX_POLL_MS: z.coerce.number().int().min(0).default(5_000),
    /** Days after a call is archived before its unsuccessful applications are anonymised (lib/dal/retention.ts). */
    RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).default(1_095),
    SEED_DEMO: z
      .enum(["0", "1", "true", "false", ""])
      .default("")
      .transform((v) => v === "1" || v === "true"),
  })
  .transform((e) => ({
    ...e,
    isDemo: e.APP_MODE === "demo",
    secureCookies: e.APP_URL.startsWith("https://"),
  }));

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

/** Parse the environment. A bad variable is named in the error, which fails the start. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".") || "(env)"}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** For tests that change the environment between cases. */
export function resetEnvCache(): void {
  cached = undefined;
}
