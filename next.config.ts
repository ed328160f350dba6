import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

/**
 * Pages get their Content-Security-Policy (with a per-request nonce) and the other security headers
 * from proxy.ts. Route handlers under /api and static files are outside the proxy's matcher, so
 * they get the static part here. A header set by the proxy wins over one set here.
 */
const apiSecurityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  // Nothing under /api is a page: JSON, files and exports. A header set here replaces the one a route
  // handler sets, so it carries everything a download needs too: never framed, and if a browser ever
  // rendered a response as a document (a PDF/HTML polyglot), sandboxed with nothing allowed to load.
  { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'; sandbox" },
];

const staticSecurityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `npm run dev` opened as http://127.0.0.1:PORT (as the e2e tests do) may use the dev server's HMR.
  allowedDevOrigins: ["127.0.0.1"],
  reactStrictMode: true,
  experimental: {
    // forbidden() and forbidden.tsx: a wrong role gets a 403 page rendered by the area's guard.
    authInterrupts: true,
    // The past winners import posts a CSV of up to 1 MB to a server action (Next's default limit is 1 MB for the whole body).
    serverActions: { bodySizeLimit: "2mb" },
  },
  async headers() {
    return [
      { source: "/api/:path*", headers: apiSecurityHeaders },
      { source: "/_next/static/:path*", headers: staticSecurityHeaders },
    ];
  },
};

export default createNextIntlPlugin("./lib/i18n/request.ts")(nextConfig);
