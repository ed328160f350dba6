import { catalogue } from "../lib/i18n/catalogue";

// The app's own message catalogues, so tests expect exactly what users read.
export const kk = catalogue("kk");
export const ru = catalogue("ru");
export const en = catalogue("en");
