import { handlers } from "@/lib/auth/config";

/** Auth.js endpoints (session, csrf, callback/credentials, signout). Sign-in pages are ours. */
export const { GET, POST } = handlers;
