import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dataDir = () => path.resolve(root, process.env.E2E_DATA_DIR ?? ".data/e2e");

/** The server's output during the e2e run (scripts/start.ts writes it when JG_SERVER_LOG is set). */
export const serverLogFile = () => path.join(dataDir(), "server.log");
export const runStartedFile = () => path.join(dataDir(), "run-started");
