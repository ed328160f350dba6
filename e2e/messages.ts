import { createRequire } from "node:module";
import type { Messages } from "../lib/i18n/messages";

// The app's own message files, so tests expect exactly what users read.
const require = createRequire(import.meta.url);
export const kk = require("../lib/i18n/messages/kk.json") as Messages;
export const ru = require("../lib/i18n/messages/ru.json") as Messages;
export const en = require("../lib/i18n/messages/en.json") as Messages;
