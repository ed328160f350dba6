/**
 * The applicant dashboard under load (issue 10): BENCH_MY_USERS (default 100) signed-in applicants, each
 * with its own session cookie and two drafts in two open calls (prepareApplicants), loading GET /my (the
 * applicant's home: greeting, e-mail notice, the list of their applications) in a closed loop, one
 * connection each, for BENCH_SECONDS after a 2 s warm-up. Compared in run.ts with the floor at 100
 * connections in the same run.
 */
import { load, type LoadResult } from "../lib/load";
import { request } from "../lib/http";
import { prepareApplicants, signInAll } from "./applicants";

export type MyBench = { users: number; result: LoadResult; bytes: number };

export async function myBench(base: string, ownerUrl: string, seconds: number, users: number): Promise<MyBench> {
  const applicants = await prepareApplicants(ownerUrl, users, 1);
  await signInAll(base, applicants);
  // One real answer first: the page of the signed-in applicant listing its two applications.
  const probe = await request(`${base}/my`, { headers: { cookie: applicants[0].jar!.header() } });
  if (probe.status !== 200 || !probe.body.includes('data-testid="area-heading"')) throw new Error(`GET /my as an applicant: HTTP ${probe.status}, no dashboard heading`);
  for (const id of applicants[0].drafts) if (!probe.body.includes(id)) throw new Error(`GET /my does not list the applicant's application ${id}`);
  const result = await load({
    url: `${base}/my`,
    connections: users,
    durationMs: seconds * 1000,
    warmupMs: 2000,
    headersFor: (i) => ({ cookie: applicants[i].jar!.header() }),
  });
  return { users, result, bytes: Buffer.byteLength(probe.body) };
}
