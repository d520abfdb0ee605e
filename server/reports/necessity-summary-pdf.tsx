// The medical-necessity summary as a PDF (SPEC 11.3, docs/decisions/030-repeat-ablation-evidence.md):
// one page, A4 or US Letter, for the payer of a repeat ablation. Built-in Helvetica: ASCII
// punctuation only. Content from server/services/necessity-summary.ts; every number from
// repeatEvidence and the outcome engine.
import { Document, Font, Page, renderToBuffer, StyleSheet, Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import { formatDate } from "@/components/format";
import {
  type Anesthetic,
  anestheticLabels,
  categoryLabels,
  evidenceCriteria,
  type Modality,
  minutesWords,
  modalityLabels,
  treatedSiteLabel,
} from "@/server/outcomes";
import type { NecessitySummary } from "@/server/services/necessity-summary";
import { exportFileName } from "./file-names";

const INK = "#0f172a";
const MUTED = "#475569";
const LINE = "#cbd5e1";
const BRAND = "#0f5f73";
const PANEL = "#f1f5f9";
const MET = "#15803d";
const NOT_MET = "#b91c1c";

const s = StyleSheet.create({
  page: {
    paddingTop: 32,
    paddingBottom: 48,
    paddingHorizontal: 40,
    fontFamily: "Helvetica",
    fontSize: 9.5,
    color: INK,
  },
  header: {
    flexDirection: "row",
    justifyContent: "space-between",
    alignItems: "flex-end",
    borderBottomWidth: 1.5,
    borderBottomColor: BRAND,
    paddingBottom: 6,
    marginBottom: 10,
  },
  clinic: { fontSize: 9, color: BRAND, fontFamily: "Helvetica-Bold", letterSpacing: 0.4 },
  title: { fontSize: 15, fontFamily: "Helvetica-Bold", marginTop: 2 },
  meta: { fontSize: 8, color: MUTED, textAlign: "right" },
  banner: {
    flexDirection: "row",
    backgroundColor: PANEL,
    borderRadius: 4,
    padding: 8,
    marginBottom: 10,
  },
  col: { flex: 1 },
  name: { fontSize: 12, fontFamily: "Helvetica-Bold" },
  label: { fontSize: 7.5, color: MUTED, textTransform: "uppercase", letterSpacing: 0.5 },
  h2: { fontSize: 10.5, fontFamily: "Helvetica-Bold", color: BRAND, marginBottom: 4 },
  section: { marginBottom: 10 },
  kv: { flexDirection: "row", paddingVertical: 2, borderBottomWidth: 0.5, borderBottomColor: LINE },
  k: { width: 130, color: MUTED },
  v: { flex: 1 },
  bold: { fontFamily: "Helvetica-Bold" },
  verdict: { fontSize: 12, fontFamily: "Helvetica-Bold", marginBottom: 6 },
  criterion: { flexDirection: "row", marginBottom: 5 },
  mark: {
    width: 52,
    fontSize: 7.5,
    fontFamily: "Helvetica-Bold",
    paddingVertical: 1.5,
    textAlign: "center",
    borderRadius: 2,
    marginRight: 6,
    alignSelf: "flex-start",
    color: "#ffffff",
  },
  small: { fontSize: 8, color: MUTED },
  signature: { marginTop: 18, flexDirection: "row", justifyContent: "space-between" },
  signLine: { borderTopWidth: 0.5, borderTopColor: INK, width: 200, paddingTop: 3, fontSize: 8 },
  footer: {
    position: "absolute",
    bottom: 20,
    left: 40,
    right: 40,
    flexDirection: "row",
    justifyContent: "space-between",
    fontSize: 7.5,
    color: MUTED,
    borderTopWidth: 0.5,
    borderTopColor: LINE,
    paddingTop: 4,
  },
});

Font.registerHyphenationCallback((word) => [word]);

/** "14 May 2026": a document always carries the year (the shared date helper). */
const pdfDate = (iso: string) => formatDate(iso, { year: true });
const num = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
const pct = (n: number) => `${Math.round(n)}%`;

function KV({ k, children }: { k: string; children: ReactNode }) {
  return (
    <View style={s.kv}>
      <Text style={s.k}>{k}</Text>
      <Text style={s.v}>{children}</Text>
    </View>
  );
}

const criterionName = {
  pain: "Pain relief",
  function: "Function",
  relief: "Relief documented",
  interval: "Interval",
  frequency: "Frequency",
} as const;

function SummaryDocument({ r }: { r: NecessitySummary }) {
  const { evidence: e, procedure: p, assessment: a } = r;
  const criteria = evidenceCriteria(
    {
      procedure: { performedOn: p.performedOn },
      asOf: r.asOf,
      policy: e.policy,
      ablationsAtTarget: e.ablationsAtTarget,
    },
    e.result,
    pdfDate,
  );
  const runs = [
    e.result.painRun
      ? { what: "Pain", threshold: e.policy.reliefPct, run: e.result.painRun }
      : null,
    e.result.functionRun && e.policy.functionPct !== null
      ? { what: "Function", threshold: e.policy.functionPct, run: e.result.functionRun }
      : null,
  ].filter((x) => x !== null);
  return (
    <Document title={`Medical-necessity summary: ${r.patient.name}`} author={r.clinicName}>
      <Page size={r.paper} style={s.page}>
        <View style={s.footer} fixed>
          <Text>
            {r.clinicName} - medical-necessity summary - {r.patient.name}
          </Text>
          <Text>Policy: {e.policy.name}</Text>
        </View>
        <View style={s.header}>
          <View>
            <Text style={s.clinic}>{r.clinicName.toUpperCase()}</Text>
            <Text style={s.title}>Medical-necessity summary: repeat ablation</Text>
          </View>
          <Text style={s.meta}>
            {pdfDate(r.asOf)}
            {"\n"}Prepared by {r.providerName}
          </Text>
        </View>

        <View style={s.banner}>
          <View style={s.col}>
            <Text style={s.label}>Patient</Text>
            <Text style={s.name}>{r.patient.name}</Text>
          </View>
          <View style={s.col}>
            <Text style={s.label}>Date of birth</Text>
            <Text>{r.patient.birthDate ? pdfDate(r.patient.birthDate) : "Not recorded"}</Text>
          </View>
          <View style={s.col}>
            <Text style={s.label}>MRN</Text>
            <Text>{r.patient.mrn ?? "Not recorded"}</Text>
          </View>
        </View>

        <View style={s.section}>
          <Text style={s.h2}>Previous procedure</Text>
          <KV k="Date">{pdfDate(p.performedOn)}</KV>
          <KV k="Procedure">
            {modalityLabels[p.modality as Modality] ?? p.modality},{" "}
            {treatedSiteLabel(p.region, p.side)}
          </KV>
          <KV k="Technique">{p.technique || "Not recorded"}</KV>
          <KV k="Baseline (before)">
            Pain {num(p.baselinePain)}/10
            {p.baselineInterference !== null
              ? `; interference ${num(p.baselineInterference)}/10`
              : "; interference not recorded"}
          </KV>
          <KV k="Ablations at this target">{e.ablationsAtTarget.map(pdfDate).join(", ")}</KV>
        </View>

        <View style={s.section}>
          <Text style={s.h2}>Documented relief (daily diary, 7-day windows)</Text>
          {runs.length === 0 ? (
            <Text>No run of relief at the policy's thresholds is documented.</Text>
          ) : (
            runs.map((x) => (
              <KV key={x.what} k={`${x.what} run (>= ${pct(x.threshold)})`}>
                {pdfDate(x.run.from)} to {pdfDate(x.run.to)}: {x.run.days} days, at least{" "}
                {pct(x.run.minReductionPct)} better than baseline
              </KV>
            ))
          )}
          <Text style={[s.small, { marginTop: 3 }]}>
            {a.entryCount} diary entries. A run is consecutive 7-day windows of at least 3 entries,
            each meeting the threshold, no more than {e.policy.maxGapDays} days apart.
          </Text>
        </View>

        <View style={s.section}>
          <Text style={s.h2}>Criteria of the policy</Text>
          <Text style={[s.verdict, { color: e.result.eligible ? MET : NOT_MET }]}>
            {e.result.eligible
              ? "Meets the policy for a repeat ablation"
              : "Does not meet the policy for a repeat ablation"}
          </Text>
          {criteria.map((c) => (
            <View key={c.key} style={s.criterion}>
              <Text style={[s.mark, { backgroundColor: c.met ? MET : NOT_MET }]}>
                {c.met ? "MET" : "NOT MET"}
              </Text>
              <Text style={s.v}>
                <Text style={s.bold}>{criterionName[c.key]}: </Text>
                {c.sentence}
              </Text>
            </View>
          ))}
        </View>

        <View style={s.section}>
          <Text style={s.h2}>Diagnostic blocks</Text>
          {r.blocks.list.length === 0 ? (
            <Text>No diagnostic blocks at this target are recorded in the portal.</Text>
          ) : (
            <>
              <Text style={[s.verdict, { color: r.blocks.confirmed ? MET : NOT_MET }]}>
                {r.blocks.confirmed
                  ? `Target confirmed: two positive blocks on different days (at least ${r.blocks.threshold}% relief).`
                  : `Target not confirmed by two positive blocks (at least ${r.blocks.threshold}% relief).`}
              </Text>
              {r.blocks.list.map((b) => (
                <KV key={`${b.givenOn}-${b.anesthetic}-${b.peakReliefPct}`} k={pdfDate(b.givenOn)}>
                  {anestheticLabels[b.anesthetic as Anesthetic] ?? b.anesthetic}: {b.result}
                  {b.peakReliefPct === null ? "" : `, peak relief ${pct(b.peakReliefPct)}`}
                  {b.reliefUntilMinutes === null
                    ? ""
                    : `, held until ${minutesWords(b.reliefUntilMinutes)}`}
                  {b.confirming ? " (confirming)" : ""}
                </KV>
              ))}
              {r.blocks.discordant ? (
                <Text style={s.small}>
                  Discordant agents: the shorter-acting anesthetic gave the longer relief.
                </Text>
              ) : null}
            </>
          )}
        </View>

        <View style={s.section}>
          <Text style={s.h2}>Current assessment</Text>
          <KV k="As of">
            {pdfDate(r.asOf)} (day {a.day})
          </KV>
          <KV k="Outcome">{categoryLabels[a.category]}</KV>
          <KV k="Current pain">
            {a.currentPain === null
              ? "Not enough entries in the last 7 days"
              : `${num(Math.round(a.currentPain * 10) / 10)}/10${a.reductionPct === null ? "" : ` (${pct(a.reductionPct)} below baseline)`}`}
          </KV>
          <KV k="Relief documented until">{a.reliefUntil ? pdfDate(a.reliefUntil) : "None"}</KV>
        </View>

        <View style={s.section}>
          <Text style={s.h2}>Policy</Text>
          <Text>
            {e.policy.name}: at least {pct(e.policy.reliefPct)} less pain
            {e.policy.functionPct !== null
              ? ` or ${pct(e.policy.functionPct)} better function`
              : ""}{" "}
            for {e.policy.requiredDays} days; at least {e.policy.minIntervalDays} days since the
            last ablation at the target; at most {e.policy.maxPerYear} a year. Diagnostic block
            threshold {pct(e.policy.blockThreshold)}.
          </Text>
        </View>

        <View style={s.signature}>
          <Text style={s.signLine}>{r.providerName}</Text>
          <Text style={s.signLine}>Date: {pdfDate(r.asOf)}</Text>
        </View>
      </Page>
    </Document>
  );
}

export async function renderNecessitySummary(summary: NecessitySummary): Promise<Buffer> {
  return renderToBuffer(<SummaryDocument r={summary} />);
}

/** `necessity-summary-<MRN or name>-<YYYY-MM-DD>.pdf` */
export const necessityFileName = (summary: NecessitySummary) =>
  exportFileName("necessity-summary", summary.patient, summary.asOf);
