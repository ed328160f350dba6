import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { startEmbedded, type EmbeddedServer } from "../../db/embedded";
import { ensureDatabase } from "../../db/bootstrap";

export type LocalDatabase = { server: EmbeddedServer; ownerUrl: string; appUrl: string; appRole: string };

function secretFile(file: string, bytes: number): string {
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  const value = randomBytes(bytes).toString("base64url");
  fs.writeFileSync(file, value + "\n", { mode: 0o600 });
  return value;
}

/** The local demo's database: embedded server, owner and app roles, passwords kept in the data folder. */
export async function startLocalDatabase(dataDir: string, log: (s: string) => void): Promise<LocalDatabase> {
  fs.mkdirSync(dataDir, { recursive: true });
  const server = await startEmbedded({ dataDir, log });
  const { ownerUrl, appUrl } = await ensureDatabase(server.superUrl, {
    database: "jasgrant",
    owner: "jasgrant_owner",
    ownerPassword: secretFile(path.join(dataDir, "owner-password"), 24),
    app: "jasgrant_app",
    appPassword: secretFile(path.join(dataDir, "app-password"), 24),
  });
  return { server, ownerUrl, appUrl, appRole: "jasgrant_app" };
}

/** AUTH_SECRET of the local demo, generated once into the data folder. */
export function localAuthSecret(dataDir: string): string {
  return secretFile(path.join(dataDir, "auth-secret"), 33);
}
