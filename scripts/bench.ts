/**
 * `npm run bench`: the caseload's server-side time at scale (issues 4 and 9: with review states,
 * the weekly pain trend and the plans' strategies), not a test.
 *
 * Seeds a throwaway PostgreSQL database `portal_bench` (on DATABASE_URL's server, or
 * postgres://postgres@127.0.0.1:5432) with 10,000 patients under 10 providers, one procedure each
 * (some with an earlier one too) and 365 daily diary entries per procedure; then measures, for the
 * provider who follows 1,000 of them, `caseload.list` through the tRPC caller (as a request runs
 * it: checks, settings, queries, the assessment cache, sort, page, audit row), p50 / p95:
 *   - warm: repeated requests, every assessment served from the cache;
 *   - after one patient's diary changed: one procedure assessed afresh;
 *   - cold: the first request after the day changed (every cache row's day moved back one day
 *     before each run), so all 1,000 procedures are read and assessed afresh and stored;
 * and next to them the same SQL run with postgres.js directly (the warm path's statements, and
 * the cold path's reads). The database is dropped at the end (`--keep` keeps it).
 * Options: --runs N (default 30), --warmup N (default 5), --cold-runs N (default 10), --keep,
 * --reuse (measure a database kept by an earlier --keep run instead of seeding again).
 */
import "./server-only";
import os from "node:os";
import postgres from "postgres";
import type { Actor } from "../server/authz/policy";

// One log line per request would drown the figures; set before the app's modules read the env.
process.env.LOG_LEVEL ??= "warn";
const { openDatabase } = await import("../db/client");
const { createCaller } = await import("../server/api/root");
const { caseloadQueries } = await import("../server/services/caseload");
const { entryQueries } = await import("../server/services/assessments");
const { latestAcknowledgementsQuery } = await import("../server/services/flags");
const { caseloadRound } = await import("../server/services/staff-notifications");
const { getClinicSettings, clinicToday } = await import("../server/services/settings");
const { benchExports } = await import("./bench-exports");
const { benchOutcomes } = await import("./bench-outcomes");

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg("runs", 30);
const WARMUP = arg("warmup", 5);
const COLD_RUNS = arg("cold-runs", 10);
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
  const list = () => caller.caseload.list(input);
  const first = await list();
  log(
    `caseload: ${first.total} patients, page 1 of ${Math.ceil(first.total / input.pageSize)}; first row ${first.rows[0]?.category ?? "-"}`,
  );
  // The first request stored every assessment; give the new rows statistics, as autovacuum would.
  await raw`analyze assessment_cache`;
  const warm = await time(list);
  // A correction of one patient's entry (the trigger raises the procedure's data_version).
  const oneChanged = await time(list, {
    before: () => raw`
      update diary_entries set note = note
      where id = (select id from diary_entries
                  where procedure_id = ${first.rows[0]?.procedure?.id ?? null} limit 1)`,
  });
  // The day changed: every stored assessment is of yesterday (as when the clock passes midnight).
  const cold = await time(list, {
    runs: COLD_RUNS,
    warmup: 1,
    before: () => raw`update assessment_cache set as_of = as_of - 1 where kind = 'caseload'`,
  });

  // The day changed, then the caseload round (the hourly job; the first run after the clinic's
  // midnight) ran before the first request: its own time, then the first request's.
  const dayChanged = () =>
    raw`update assessment_cache set as_of = as_of - 1 where kind = 'caseload'`;
  const ROUND_RUNS = Math.min(COLD_RUNS, 3); // a round assesses all 10 providers' caseloads
  const round = await time(() => caseloadRound(database.db), {
    runs: ROUND_RUNS,
    warmup: 0,
    before: dayChanged,
  });
  const afterRound = await time(list, {
    runs: ROUND_RUNS,
    warmup: 0,
    before: async () => {
      await dayChanged();
      await caseloadRound(database.db);
    },
  });

  // ---- The same SQL with postgres.js ----
  const settings = await getClinicSettings(database.db);
  const key = { asOf: today, criteria: settings.successCriteria };
  const q = caseloadQueries(database.db, actor.id, key);
  const warmQueries = [q.patients, q.plans].map((query) => query.toSQL());
  const settingsSql = () =>
    raw`select success_criteria, time_zone from clinic_settings where id = true`;
  const run = (query: { sql: string; params: unknown[] }) =>
    raw.unsafe(query.sql, query.params as never[]);
  // Warm: the settings, then the care team with the cache rows and the plans at once.
  const warmSql = await time(async () => {
    await settingsSql();
    await Promise.all(warmQueries.map(run));
  });
  // Cold, reads only: then also every procedure's entries (in parts, at once) and acknowledgements.
  const ids = (await q.patients).flatMap((p) => (p.procedure ? [p.procedure.id] : []));
  const coldQueries = [
    ...entryQueries(database.db, ids, today),
    latestAcknowledgementsQuery(database.db, ids),
  ].map((query) => query.toSQL());
  const coldSql = await time(
    async () => {
      await settingsSql();
      await Promise.all(warmQueries.map(run));
      await Promise.all(coldQueries.map(run));
    },
    { runs: COLD_RUNS, warmup: 1 },
  );

  // ---- The outcomes page (issue 13) ----
  const outcomes = await benchOutcomes({
    db: database.db,
    raw,
    provider: actor,
    time,
    runs: RUNS,
    coldRuns: COLD_RUNS,
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
  const line = (name: string, m: { p50: number; p95: number }) =>
    log(`| ${name} | ${ms(m.p50)} | ${ms(m.p95)} |`);
  line(`caseload.list, warm (${RUNS} runs)`, warm);
  line("the warm path's SQL with postgres.js", warmSql);
  line(`caseload.list after one patient's diary changed (${RUNS} runs)`, oneChanged);
  line(`caseload.list, cold: first request after the day changed (${COLD_RUNS} runs)`, cold);
  line("the cold path's reads with postgres.js", coldSql);
  line(`caseload round after the day changed, all providers (job, ${ROUND_RUNS} runs)`, round);
  line(
    `caseload.list, first request after the day changed and the round ran (${ROUND_RUNS} runs)`,
    afterRound,
  );
  for (const [name, m] of outcomes) line(name, m);
  log("");
  log(
    `warm ratio p95: ${(warm.p95 / warmSql.p95).toFixed(2)}x; goal: p95 < 150 ms and within 2x of the raw SQL`,
  );
  await benchExports(database.db, raw, log);
  log("outcomes goal: the clinic's page (outcomes.report) p95 <= 1 s warm");
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

/** p50 / p95 of `fn` over `runs` after `warmup` calls; `before` runs untimed before each call. */
async function time(
  fn: () => Promise<unknown>,
  opts: { runs?: number; warmup?: number; before?: () => Promise<unknown> } = {},
) {
  const { runs = RUNS, warmup = WARMUP, before } = opts;
  const samples: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    await before?.();
    const t0 = performance.now();
    await fn();
    if (i >= warmup) samples.push(performance.now() - t0);
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
    insert into users (email, name, role, password_hash, date_of_birth, mrn)
    select 'bench-patient-' || g || '@example.test',
           (array['Alex','Sam','Jo','Chris','Pat','Robin','Kim','Lee','Max','Noor'])[1 + g % 10]
             || ' ' || (array['Smith','Jones','Garcia','Chen','Okafor','Novak','Silva','Khan'])[1 + (g / 10) % 8]
             || ' ' || g,
           'patient', 'x', date '1940-01-01' + (g * 7919) % 20000, 'MRN-' || g
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
    insert into procedures (patient_id, recorded_by, performed_on, modality, region, side,
                            target, baseline_pain, baseline_interference, baseline_locations,
                            baseline_qualities)
    select p.id, ct.provider_id, ${today}::date - 900::int, 'radiofrequency', 'lumbar', 'bilateral',
           'L4-L5 medial branches', 7, 6, '{lumbar}', '{aching}'
    from bench_patient p join care_team ct on ct.patient_id = p.id where p.g % 10 = 5`;
  await sql`
    insert into procedures (patient_id, recorded_by, performed_on, modality, region, side,
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
  // A plan for one patient in five (its follow-up due for about half of them: review states),
  // amended once for one in twenty.
  await sql`
    insert into decisions (patient_id, procedure_id, provider_id, suspected_factors, strategies,
                           rationale, follow_up_on, assessment_snapshot)
    select p.patient_id, p.id, ct.provider_id, '{incomplete_ablation}',
           '[{"strategy":"physical_therapy","note":""}]'::jsonb, 'Bench',
           ${today}::date + 30::int - p.g % 60, '{}'::jsonb
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
