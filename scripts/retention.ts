/**
 * `npm run retention [-- --dry-run] [-- --days N]`: apply the retention period now (the server also runs
 * it daily): unsuccessful applications in calls archived more than RETENTION_DAYS ago lose their
 * personal content, then accounts left with nothing to keep are anonymised. Prints counts only.
 */
import { closeDb } from "../db/client";
import { runRetention } from "../lib/dal/retention";

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const dryRun = process.argv.includes("--dry-run");
  const daysArg = option("--days");
  const retentionDays = daysArg === undefined ? undefined : Number(daysArg);
  if (retentionDays !== undefined && (!Number.isInteger(retentionDays) || retentionDays < 1)) {
    throw new Error("--days must be a whole number of days, 1 or more");
  }
  const r = await runRetention({ dryRun, retentionDays });
  const verb = dryRun ? "due (dry run, nothing changed)" : "anonymised";
  console.log(`[retention] calls archived before ${r.cutoff.toISOString()}`);
  console.log(`[retention] applications ${verb}: ${r.applications} (files: ${r.files})`);
  console.log(`[retention] accounts ${verb}: ${r.accounts}`);
}

main()
  .catch((e: Error) => {
    console.error(`retention: ${e.message}`);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
