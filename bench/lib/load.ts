/**
 * A small closed-loop load generator: `connections` workers, each sending its next request when the
 * previous answer has arrived, for `durationMs`. Keep-alive sockets; every latency is recorded, so the
 * percentiles are exact (not bucketed).
 */
import http from "node:http";

export type LoadOptions = {
  url: string;
  connections: number;
  durationMs: number;
  warmupMs?: number;
  method?: string;
  headers?: Record<string, string>;
  /** Headers of connection i (0-based), e.g. each its own session cookie; used instead of `headers`. */
  headersFor?: (connection: number) => Record<string, string>;
  body?: string;
};

export type LoadResult = {
  requests: number;
  errors: number;
  non2xx: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
};

function once(agent: http.Agent, o: LoadOptions, headers: Record<string, string> | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(o.url, { agent, method: o.method ?? "GET", headers }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
      res.on("error", reject);
    });
    req.on("error", reject);
    if (o.body) req.write(o.body);
    req.end();
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export async function load(o: LoadOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.connections });
  if (o.warmupMs) await runFor(agent, o, o.warmupMs, []);
  const latencies: number[] = [];
  const counts = await runFor(agent, o, o.durationMs, latencies);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors: counts.errors,
    non2xx: counts.non2xx,
    rps: latencies.length / (o.durationMs / 1000),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? NaN,
  };
}

async function runFor(agent: http.Agent, o: LoadOptions, ms: number, latencies: number[]) {
  const end = performance.now() + ms;
  let errors = 0;
  let non2xx = 0;
  const worker = async (_: unknown, i: number) => {
    const headers = o.headersFor ? o.headersFor(i) : o.headers;
    while (performance.now() < end) {
      const t = performance.now();
      try {
        const status = await once(agent, o, headers);
        if (status < 200 || status >= 300) non2xx++;
        latencies.push(performance.now() - t);
      } catch {
        errors++;
        await new Promise((r) => setTimeout(r, 10));
      }
    }
  };
  await Promise.all(Array.from({ length: o.connections }, worker));
  return { errors, non2xx };
}
