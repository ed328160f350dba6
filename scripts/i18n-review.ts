/**
 * `npm run i18n:review`: writes docs/i18n-review.md, every kk and ru message with its English meaning,
 * for a native speaker's review (lib/i18n/review-doc.ts). Run it after changing any catalogue text.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { REVIEW_DOC_PATH, renderReviewDoc } from "../lib/i18n/review-doc";

const target = path.join(import.meta.dirname, "..", REVIEW_DOC_PATH);
writeFileSync(target, renderReviewDoc());
console.log(`[i18n:review] wrote ${REVIEW_DOC_PATH}`);
