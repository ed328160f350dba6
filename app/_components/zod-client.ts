import { z } from "zod";

/**
 * Zod 4 compiles object parsers with `new Function` and, to find out whether it may, probes once
 * with `new Function("")` when a schema is built. Under the portal's CSP (no 'unsafe-eval') the
 * probe fails quietly but the browser still reports a `securitypolicyviolation`. Jitless mode skips
 * the probe. Import this module before any module that builds a schema on the client.
 */
if (typeof window !== "undefined") z.config({ jitless: true });
