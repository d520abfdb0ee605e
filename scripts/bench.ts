/**
 * `npm run bench`: the caseload's server-side time at scale (issue 4), not a test.
 *
 * Seeds a throwaway PostgreSQL database `portal_bench` (on DATABASE_URL's server, or
 * postgres://postgres@127.0.0.1:5432) with 10,000 patients under 10 providers, one procedure each
 * (some with an earlier one too) and 365 daily diary entries per procedure; then measures, for the
 * provider who follows 1,000 of them:
 *   - `caseload.list` through the tRPC caller (as a request would run it: checks, queries, the
 *     outcome engine for every patient, acknowledgements, sort, page), p50 / p95;
 *   - the same SQL run with postgres.js directly, p50 / p95.
 * The database is dropped at the end (`--keep` keeps it for poking around).
 * Options: --runs N (default 30), --warmup N (default 5), --keep (keep the database),
 * --reuse (measure a database kept by an earlier --keep run instead of seeding again).
 */
import os from "node:os";
import postgres from "postgres";
import type { Actor } from "../server/authz/policy";

// One log line per request would drown the figures; set before the app's modules read the env.
process.env.LOG_LEVEL ??= "warn";
const { openDatabase } = await import("../db/client");
const { createCaller } = await import("../server/api/root");
const { caseloadQueries, decodeEntries } = await import("../server/services/caseload");
const { toAssessmentInput } = await import("../server/services/assessments");
const { flagStatuses, groupAck } = await import("../server/services/flags");
const { assessOutcome } = await import("../server/outcomes");
const { clinicToday } = await import("../server/services/settings");

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg("runs", 30);
const WARMUP = arg("warmup", 5);
const KEEP = process.argv.includes("--keep");
const REUSE = process.argv.includes("--reuse");
const PROVIDERS = 10;
const PATIENTS_PER_PROVIDER = 1_000;
const ENTRIES = 365;
/** Diary days of the patients the measured provider does not follow (they only fill the tables). */
const OTHER_ENTRIES = 60;
const NAME = "portal_bench";

const serverUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const benchUrl = new URL(serverUrl);
benchUrl.pathname = `/${NAME}`;

const log = (...parts: unknown[]) => console.log(...parts);
const ms = (n: number) => `${n.toFixed(1)} ms`;
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
const exists = (await admin`select 1 from pg_database where datname = ${NAME}`).length > 0;
const reuse = REUSE && exists;
if (!reuse) {
  await admin.unsafe(`drop database if exists "${NAME}" with (force)`);
  await admin.unsafe(`create database "${NAME}"`);
}

const database = openDatabase({ url: benchUrl.toString(), poolSize: 10 });
let exitCode = 0;
try {
  await database.migrate();
  const raw = postgres(benchUrl.toString(), { max: 10, onnotice: () => {} });
  const today = await clinicToday(database.db);

  // ---- Seed ----
  const started = performance.now();
  if (!reuse) await seed(raw, today);
  const [{ entries, patients }] = (await raw`
    select (select count(*) from diary_entries)::int as entries,
           (select count(*) from users where role = 'patient')::int as patients
  `) as unknown as [{ entries: number; patients: number }];
  const seedMs = performance.now() - started;
  log(
    reuse
      ? `reused ${patients} patients, ${entries} diary entries`
      : `seeded ${patients} patients, ${entries} diary entries in ${(seedMs / 1000).toFixed(1)} s`,
  );

  const [provider] = await raw<
    Array<{ id: string; name: string; email: string }>
  >`select id, name, email from users where email = 'bench-provider-1@example.test'`;
  if (!provider) throw new Error("bench provider missing");
  const actor: Actor = { ...provider, role: "provider", mustChangePassword: false };

  // ---- The caseload through the tRPC caller ----
  const caller = createCaller({ db: database.db, actor, ip: "127.0.0.1" });
  const input = { page: 1, pageSize: 25 };
  const first = await caller.caseload.list(input);
  log(
    `caseload: ${first.total} patients, page 1 of ${Math.ceil(first.total / input.pageSize)}; first row ${first.rows[0]?.category ?? "-"}`,
  );
  const server = await time(() => caller.caseload.list(input));

  // ---- The same SQL with postgres.js: the settings, then the caseload's queries at once ----
  const q = caseloadQueries(database.db, actor.id, today);
  const queries = [q.patients, ...q.entries, q.acks, q.plans].map((query) => query.toSQL());
  const rawSql = await time(async () => {
    await raw`select success_criteria, time_zone from clinic_settings where id = true`;
    await Promise.all(queries.map((query) => raw.unsafe(query.sql, query.params as never[])));
  });

  // ---- The in-memory part alone: decode, the engine per patient, acknowledgement episodes ----
  const [patientRows, ackRows, ...parts] = await Promise.all([q.patients, q.acks, ...q.entries]);
  const procedureOf = new Map(patientRows.map((p) => [p.procedure?.id, p.procedure]));
  const acks = new Map();
  for (const a of ackRows) groupAck(acks, { ...a, byName: null });
  const engine = await time(async () => {
    const dates = new Map<number, string>();
    const arrays = new Map<string, readonly string[]>();
    for (const row of parts.flat()) {
      const procedure = procedureOf.get(row.procedureId);
      if (!procedure) continue;
      const input = {
        ...toAssessmentInput(procedure, [], today, "strict"),
        entries: decodeEntries(row, dates, arrays),
      };
      flagStatuses(input, assessOutcome(input), acks.get(row.procedureId) ?? new Map());
    }
  });

  const cpus = os.cpus();
  const [{ version }] = (await raw`select version()`) as unknown as [{ version: string }];
  log("");
  log(
    `machine: ${cpus.length} x ${cpus[0]?.model ?? "cpu"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  );
  log(`database: ${version.split(" on ")[0]}`);
  log(
    `runs: ${RUNS} after ${WARMUP} warm-up; load average (1 min) at the end: ${os.loadavg()[0]?.toFixed(2)}`,
  );
  log("");
  log("| measure | p50 | p95 |");
  log("|---|---|---|");
  log(`| caseload.list (tRPC caller, server side) | ${ms(server.p50)} | ${ms(server.p95)} |`);
  log(`| the caseload's SQL with postgres.js | ${ms(rawSql.p50)} | ${ms(rawSql.p95)} |`);
  log(
    `| the in-memory part alone (decode, engine per patient, acknowledgement episodes) | ${ms(engine.p50)} | ${ms(engine.p95)} |`,
  );
  log("");
  log(`ratio p95: ${(server.p95 / rawSql.p95).toFixed(2)}x; goal: p95 < 150 ms and within 2x`);
  await raw.end();
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await database.close();
  if (!KEEP) await admin.unsafe(`drop database if exists "${NAME}" with (force)`);
  else log(`kept database ${benchUrl.toString()}`);
  await admin.end();
}
process.exit(exitCode);

async function time(fn: () => Promise<unknown>) {
  for (let i = 0; i < WARMUP; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

/**
 * Set-based seeding with generate_series: users, care teams, procedures, 365 entries per
 * procedure, some acknowledgements and decisions. Patterns by patient number (g % 6) give every
 * kind of outcome; g % 10 = 0 stopped writing ten days ago (diary lapsed).
 */
async function seed(sql: postgres.Sql, today: string) {
  const patientsTotal = PROVIDERS * PATIENTS_PER_PROVIDER;
  await sql`
    insert into users (email, name, role, password_hash)
    select 'bench-provider-' || g || '@example.test', 'Bench Provider ' || g, 'provider', 'x'
    from generate_series(1, ${PROVIDERS}) g`;
  await sql`
    insert into users (email, name, role, password_hash)
    select 'bench-patient-' || g || '@example.test',
           (array['Alex','Sam','Jo','Chris','Pat','Robin','Kim','Lee','Max','Noor'])[1 + g % 10]
             || ' ' || (array['Smith','Jones','Garcia','Chen','Okafor','Novak','Silva','Khan'])[1 + (g / 10) % 8]
             || ' ' || g,
           'patient', 'x'
    from generate_series(1, ${patientsTotal}) g`;
  await sql`
    create temporary table bench_patient as
    select u.id, substring(u.email from 'bench-patient-([0-9]+)@')::int as g
    from users u where u.role = 'patient'`;
  await sql`
    insert into care_team (provider_id, patient_id)
    select pr.id, p.id from bench_patient p
    join users pr on pr.email = 'bench-provider-' || (1 + (p.g - 1) / ${PATIENTS_PER_PROVIDER}) || '@example.test'`;
  // An earlier procedure for one patient in ten (not the one assessed).
  await sql`
    insert into procedures (patient_id, recorded_by, performed_on, modality, region, laterality,
                            target, baseline_pain, baseline_interference, baseline_locations,
                            baseline_qualities)
    select p.id, ct.provider_id, ${today}::date - 900::int, 'radiofrequency', 'lumbar', 'bilateral',
           'L4-L5 medial branches', 7, 6, '{lumbar}', '{aching}'
    from bench_patient p join care_team ct on ct.patient_id = p.id where p.g % 10 = 5`;
  await sql`
    insert into procedures (patient_id, recorded_by, performed_on, modality, region, laterality,
                            target, baseline_pain, baseline_interference, baseline_locations,
                            baseline_qualities)
    select p.id, ct.provider_id,
           ${today}::date - ${ENTRIES - 1}::int - (case when p.g % 10 = 0 then 10 else 0 end) - p.g % 20,
           'radiofrequency', (array['lumbar','cervical','knee','sacroiliac','hip'])[1 + p.g % 5],
           'bilateral', 'Medial branches', 7, 6,
           array[(array['lumbar','cervical','knee','sacroiliac','hip'])[1 + p.g % 5]], '{aching}'
    from bench_patient p join care_team ct on ct.patient_id = p.id`;
  await sql`
    create temporary table bench_procedure as
    select distinct on (pr.patient_id) pr.id, pr.patient_id, pr.performed_on, pr.region, bp.g
    from procedures pr join bench_patient bp on bp.id = pr.patient_id
    order by pr.patient_id, pr.performed_on desc`;
  await sql`
    insert into diary_entries (patient_id, procedure_id, client_id, entry_date, pain_average,
                               enjoyment, activity, locations, qualities, site_soreness, pgic,
                               check_in_day)
    select p.patient_id, p.id, gen_random_uuid(), p.performed_on + s.d, s.pain,
           s.pain, greatest(s.pain - 1, 0),
           case when p.g % 11 = 0 and s.d > p.g % 20 + ${ENTRIES - 15} and s.d % 2 = 1
                then array[p.region, 'hip'] else array[p.region] end,
           case when p.g % 13 = 0 and s.d % 9 = 0 then '{aching,burning}'::text[]
                else '{aching}'::text[] end,
           s.d < 10 or (p.g % 17 = 0 and s.d % 5 = 0),
           case when s.d in (14, 42, 90, 180, 365) then 'much_improved' end,
           case when s.d in (14, 42, 90, 180, 365) then s.d end
    from bench_procedure p
    cross join lateral (
      select d, least(10, greatest(0,
               (case p.g % 6
                  when 0 then case when d < 10 then 7 else 3 end
                  when 1 then case when d < 10 then 7 else 5 end
                  when 2 then 7
                  when 3 then 8
                  when 4 then case when d < 200 then 3 else 7 end
                  else 6 end)
               + (p.g * 31 + d * 17) % 3 - 1)) as pain
      from generate_series(
        p.g % 20 + case when p.g <= ${PATIENTS_PER_PROVIDER} then 0 else ${ENTRIES - OTHER_ENTRIES} end,
        p.g % 20 + ${ENTRIES - 1}) d
    ) s
    order by p.performed_on + s.d, p.id`; // day by day, as a clinic's diaries fill the table
  // Flags reviewed two weeks ago (still raised, so every day since is checked), one patient in 12.
  await sql`
    insert into flag_acknowledgements (procedure_id, patient_id, code, as_of, note, acknowledged_by)
    select p.id, p.patient_id, c.code, ${today}::date - 14::int, 'Reviewed', ct.provider_id
    from bench_procedure p join care_team ct on ct.patient_id = p.patient_id
    cross join (values ('WORSE_THAN_BASELINE'), ('NO_IMPROVEMENT')) c(code)
    where p.g % 12 = 3`;
  // A plan for one patient in five, amended once for one in twenty.
  await sql`
    insert into decisions (patient_id, procedure_id, provider_id, suspected_factors, strategies,
                           rationale, follow_up_on, assessment_snapshot)
    select p.patient_id, p.id, ct.provider_id, '{incomplete_ablation}',
           '[{"strategy":"physical_therapy","note":""}]'::jsonb, 'Bench', ${today}::date + 30::int, '{}'::jsonb
    from bench_procedure p join care_team ct on ct.patient_id = p.patient_id where p.g % 5 = 0`;
  await sql`
    insert into decisions (patient_id, procedure_id, provider_id, suspected_factors, strategies,
                           rationale, follow_up_on, assessment_snapshot, supersedes_id, created_at)
    select d.patient_id, d.procedure_id, d.provider_id, d.suspected_factors,
           '[{"strategy":"repeat_ablation","note":""}]'::jsonb, 'Bench amendment',
           d.follow_up_on + 14, '{}'::jsonb, d.id, now() + interval '1 second'
    from decisions d join bench_patient bp on bp.id = d.patient_id where bp.g % 20 = 0`;
  await sql`vacuum analyze`;
}
