import fs from "node:fs";
import { db } from "./awards";
import { findPersonalData } from "../test/security/pii";
import { runStartedFile, serverLogFile } from "./server-log";

/**
 * After the last test, while the server and its database are still up: the server's log of this run
 * must exist and not be empty, and must hold none of the IINs, e-mail addresses and phone numbers of
 * the people the run registered (every account created since the run began). A hit fails the run.
 * Locally, when the run reused a server started earlier (no fresh log), the search is skipped with a note.
 */
export default async function globalTeardown(): Promise<void> {
  const started = new Date(fs.readFileSync(runStartedFile(), "utf8").trim());
  const file = serverLogFile();
  const fresh = fs.existsSync(file) && fs.statSync(file).mtimeMs >= started.getTime() - 10 * 60_000;
  if (!fresh) {
    if (process.env.CI) throw new Error(`[pii-scan] no server log of this run at ${file}`);
    console.log(`[pii-scan] skipped: the run reused a server started elsewhere (no log at ${file})`);
    return;
  }
  const log = fs.readFileSync(file, "utf8");
  const lines = log.split("\n").filter((l) => l.trim()).length;
  if (lines === 0) throw new Error(`[pii-scan] the server log ${file} is empty`);

  const c = await db();
  let values: string[];
  try {
    const { rows } = await c.query<{ email: string; iin: string | null; phone: string | null }>(
      `SELECT email, iin, phone FROM users WHERE created_at >= $1`,
      [started],
    );
    values = rows.flatMap((r) => [r.email, r.iin, r.phone]).filter((v): v is string => Boolean(v));
  } finally {
    await c.end();
  }
  const hits = findPersonalData(log, values);
  console.log(`[pii-scan] server log: ${lines} lines; searched for ${values.length} IINs, e-mails and phones registered by this run; found ${hits.length}`);
  if (hits.length) {
    // Where, and what kind: the values themselves are not repeated into the test output.
    const kind = (v: string) => (v.includes("@") ? "an e-mail" : /^\+?7\d{10}$/.test(v) ? "a phone" : "an IIN");
    throw new Error(`[pii-scan] personal data in the server log ${file}:\n${hits.map((h) => `  line ${h.lineNumber}: ${kind(h.value)}`).join("\n")}`);
  }
}
