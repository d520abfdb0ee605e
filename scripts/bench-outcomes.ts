/**
 * The outcomes page at the benchmark's scale (issue 13), called from scripts/bench.ts on its seeded
 * database: `outcomes.report` through the tRPC caller for an admin (the clinic: 10,000 patients,
 * about 11,000 procedures) and for the provider who follows 1,000 of them, p50 / p95:
 *   - warm: every procedure's outcome served from the assessment cache;
 *   - after one patient's diary changed: one procedure assessed afresh;
 *   - cold: the first request after the day changed (every cached outcome's day moved back).
 */
import type postgres from "postgres";
import type { Db } from "../db/client";
import { createCaller } from "../server/api/root";
import type { Actor } from "../server/authz/policy";

type Timing = { p50: number; p95: number };
type Time = (
  fn: () => Promise<unknown>,
  opts?: { runs?: number; warmup?: number; before?: () => Promise<unknown> },
) => Promise<Timing>;

export async function benchOutcomes({
  db,
  raw,
  provider,
  time,
  runs,
  coldRuns,
}: {
  db: Db;
  raw: postgres.Sql;
  provider: Actor;
  time: Time;
  runs: number;
  coldRuns: number;
}): Promise<Array<[string, Timing]>> {
  const [row] = await raw<Array<{ id: string }>>`
    insert into users (email, name, role, password_hash)
    values ('bench-admin@example.test', 'Bench Admin', 'admin', 'x')
    on conflict do nothing returning id`;
  const [existing] = row
    ? [row]
    : await raw<
        Array<{ id: string }>
      >`select id from users where email = 'bench-admin@example.test'`;
  const admin: Actor = {
    id: existing?.id ?? "",
    role: "admin",
    name: "Bench Admin",
    email: "bench-admin@example.test",
    mustChangePassword: false,
  };
  const input = { groupBy: "region" as const };
  const clinic = createCaller({ db, actor: admin, ip: "127.0.0.1" });
  const team = createCaller({ db, actor: provider, ip: "127.0.0.1" });
  const clinicReport = () => clinic.outcomes.report(input);
  const teamReport = () => team.outcomes.report(input);

  const first = await clinicReport();
  console.log(
    `outcomes: ${first.report.procedures} procedures in the clinic, ${first.report.groups.length} groups; log-rank p ${first.report.durability.logRank?.p.toExponential(2) ?? "-"}`,
  );
  await raw`analyze assessment_cache`;
  const warm = await time(clinicReport);
  const warmTeam = await time(teamReport);
  const [changed] = await raw<Array<{ id: string }>>`
    select procedure_id as id from assessment_cache where kind = 'outcome' limit 1`;
  const oneChanged = await time(clinicReport, {
    before: () => raw`
      update diary_entries set note = note
      where id = (select id from diary_entries where procedure_id = ${changed?.id ?? null} limit 1)`,
  });
  const cold = await time(clinicReport, {
    runs: coldRuns,
    warmup: 1,
    before: () => raw`update assessment_cache set as_of = as_of - 1 where kind = 'outcome'`,
  });
  return [
    [`outcomes.report, clinic (admin), warm (${runs} runs)`, warm],
    [`outcomes.report, care team of 1,000 (provider), warm (${runs} runs)`, warmTeam],
    [`outcomes.report, clinic, after one patient's diary changed (${runs} runs)`, oneChanged],
    [`outcomes.report, clinic, cold: first request after the day changed (${coldRuns} runs)`, cold],
  ];
}
