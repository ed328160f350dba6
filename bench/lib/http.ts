/** Small HTTP helpers for benchmarks that act as signed-in users (cookies kept by hand). */
import http from "node:http";

export type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };

export function request(
  url: string,
  o: { method?: string; headers?: Record<string, string>; body?: string; agent?: http.Agent } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: o.method ?? "GET", headers: o.headers, agent: o.agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("error", reject);
    if (o.body !== undefined) req.write(o.body);
    req.end();
  });
}

/** A cookie jar of one user: name → value, from Set-Cookie headers. */
export class Jar {
  private cookies = new Map<string, string>();
  take(headers: http.IncomingHttpHeaders): void {
    for (const c of headers["set-cookie"] ?? []) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      if (value === "" || /max-age=0/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  has(prefix: string): boolean {
    return [...this.cookies.keys()].some((k) => k.includes(prefix));
  }
}

/** Sign in through Auth.js's credentials endpoint (what the sign-in form ends in), returning the jar. */
export async function signIn(base: string, email: string, password: string): Promise<Jar> {
  const jar = new Jar();
  const csrf = await request(`${base}/api/auth/csrf`);
  jar.take(csrf.headers);
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const res = await request(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header(), origin: base },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${base}/my` }).toString(),
  });
  jar.take(res.headers);
  if (!jar.has("session-token")) throw new Error(`sign-in of ${email} failed (HTTP ${res.status})`);
  return jar;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
