/** A link's token as it may come in a URL (base64url, 43 characters as issued): anything else is not looked up. */
export function linkToken(raw: string | string[] | undefined): string | null {
  const token = typeof raw === "string" ? raw.trim() : "";
  return /^[A-Za-z0-9_-]{20,200}$/.test(token) ? token : null;
}
