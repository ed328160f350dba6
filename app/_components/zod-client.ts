import { z } from "zod";

/**
 * Zod 4 compiles object parsers with `new Function` and, to find out whether it may, probes once
 * with `new Function("")` when a schema is built. Under the portal's CSP (no 'unsafe-eval') the
 * probe fails quietly but the browser still reports a `securitypolicyviolation`. Jitless mode skips
 * the probe. Every client module that builds or imports a schema imports this module first (not the instrumentation
 * file: that would put zod, about 30 KiB gzipped, on every page).
 */
if (typeof window !== "undefined") z.config({ jitless: true });
