import NextAuth from "next-auth";
import { baseAuthConfig } from "./base-config";

/**
 * The session reader for proxy.ts: decodes (and slides) the JWT cookie. It never touches the
 * database; whether the person may still act is decided by getViewer() in the page or action.
 */
export const { auth: proxyAuth } = NextAuth(() => baseAuthConfig());
