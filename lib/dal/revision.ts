import { createHash } from "node:crypto";
import { canonicalJson } from "@/lib/domain/canonical-json";

/**
 * SHA-256 (hex) of the canonical JSON of a revision's data and its attachments' hashes: what a
 * digital signature of the submission will sign (DOMAIN.md, "Later").
 */
export function revisionContentHash(data: unknown, attachmentSha256s: string[] = []): string {
  return createHash("sha256")
    .update(canonicalJson({ data, attachments: [...attachmentSha256s].sort() }))
    .digest("hex");
}
