import fs from "node:fs";
import path from "node:path";
import { runStartedFile } from "./server-log";

/** Runs once the server is up: notes when the run began (what it registers from then on is searched for in the log). */
export default async function globalSetup(): Promise<void> {
  fs.mkdirSync(path.dirname(runStartedFile()), { recursive: true });
  fs.writeFileSync(runStartedFile(), new Date().toISOString());
}
