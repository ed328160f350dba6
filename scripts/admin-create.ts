/**
 * `npm run admin:create -- --email a@b.kz --surname Surname --given-name Name [--organisation Org]`
 * Creates the first admin of a production database (DATABASE_URL). The password is read from the
 * terminal without echo, or from standard input when piped (one line). Refuses an existing e-mail.
 */
import { hash } from "@node-rs/argon2";
import { sql } from "drizzle-orm";
import readline from "node:readline";
import { parseArgs } from "node:util";
import { z } from "zod";
import { closeDb, getDb } from "../db/client";
import { auditLog, users } from "../db/schema";
import { migrateDatabase, urlUser } from "../db/migrate";
import { env } from "../lib/env";

const args = z.object({
  email: z.string({ error: "a valid --email is required" }).trim().toLowerCase().email("a valid --email is required"),
  surname: z.string({ error: "--surname is required" }).trim().min(1, "--surname is required").max(100),
  "given-name": z.string({ error: "--given-name is required" }).trim().min(1, "--given-name is required").max(100),
  organisation: z.string().trim().max(200).optional(),
});

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const rl = readline.createInterface({ input: process.stdin });
    for await (const line of rl) return line;
    return "";
  }
  process.stdout.write("Password (at least 10 characters, input hidden): ");
  return new Promise((resolve) => {
    let value = "";
    process.stdin.setRawMode(true);
    process.stdin.resume();
    process.stdin.on("data", (b: Buffer) => {
      for (const ch of b.toString("utf8")) {
        if (ch === "\r" || ch === "\n") {
          process.stdin.setRawMode(false);
          process.stdin.pause();
          process.stdout.write("\n");
          return resolve(value);
        }
        if (ch === "\u0003") process.exit(130);
        if (ch === "\u007f") value = value.slice(0, -1);
        else value += ch;
      }
    });
  });
}

async function main() {
  const { values } = parseArgs({
    options: { email: { type: "string" }, surname: { type: "string" }, "given-name": { type: "string" }, organisation: { type: "string" } },
  });
  const parsed = args.safeParse(values);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join("; "));
  const a = parsed.data;
  const e = env();
  await migrateDatabase(e.DATABASE_OWNER_URL ?? e.DATABASE_URL, urlUser(e.DATABASE_URL));

  const password = await readPassword();
  if (password.length < 10) throw new Error("the password must have at least 10 characters");
  if (password.toLowerCase().includes(a.email)) throw new Error("the password must not contain the e-mail");

  const db = getDb();
  const passwordHash = await hash(password);
  const created = await db.transaction(async (tx) => {
    const exists = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${a.email}`);
    if (exists.length) return null;
    const [u] = await tx
      .insert(users)
      .values({
        email: a.email,
        passwordHash,
        role: "admin",
        surname: a.surname,
        givenName: a["given-name"],
        organisation: a.organisation ?? null,
        emailVerifiedAt: new Date(),
        language: "kk",
      })
      .returning({ id: users.id });
    await tx.insert(auditLog).values({
      actorId: null,
      actorRole: "system",
      action: "user.create",
      entityType: "user",
      entityId: u.id,
      changedFields: ["email", "role", "surname", "given_name", "organisation"],
      changes: { role: "admin", via: "admin:create" },
    });
    return u;
  });
  if (!created) throw new Error(`an account with the e-mail ${a.email} already exists`);
  console.log(`Admin account created for ${a.email}. Sign in at ${e.APP_URL}/sign-in`);
}

main()
  .catch((err: Error) => {
    console.error(`admin:create: ${err.message}`);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
