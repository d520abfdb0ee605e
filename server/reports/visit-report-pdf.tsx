// The visit report as a PDF (docs/decisions/015-fhir-export.md): one page where it fits, A4 or US
// Letter. Drawn with react-pdf's own primitives (the chart is its vector Svg, not a picture).
// Built-in Helvetica: ASCII punctuation only (it has no U+2212 minus or >=). Content comes from
// server/services/reports.ts; every number from the outcome engine.

import {
  Circle,
  Document,
  Font,
  G,
  Image,
  Line,
  Page,
  Polyline,
  Rect,
  renderToBuffer,
  StyleSheet,
  Svg,
  Text,
  View,
} from "@react-pdf/renderer";
import type { ReactNode } from "react";
import {
  type Category,
  categoryLabels,
  flagCodeLabels,
  type Modality,
  modalityLabels,
  phaseLabels,
  reliefSentence,
  type Strategy,
  type SuspectedFactor,
  strategyLabels,
  suspectedFactorLabels,
  treatedSiteLabel,
} from "@/server/outcomes";
import { checkInName } from "@/server/outcomes/check-ins";
import type { VisitReport } from "@/server/services/reports";
import { exportFileName } from "./file-names";

const INK = "#0f172a";
const MUTED = "#475569";
const LINE = "#cbd5e1";
const BRAND = "#0f5f73";
const PANEL = "#f1f5f9";
const PAIN = "#0f5f73";
const INTERFERENCE = "#b45309";
const DOT = "#5b8fa0";

const s = StyleSheet.create({
  page: {
    paddingTop: 32,
    paddingBottom: 48,
    paddingHorizontal: 36,
    fontFamily: "Helvetica",
    fontSize: 9,
    color: INK,
    // No lineHeight here: on the page it hides the absolutely placed footer (react-pdf 4.9).
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
  title: { fontSize: 16, fontFamily: "Helvetica-Bold", marginTop: 2 },
  meta: { fontSize: 8, color: MUTED, textAlign: "right" },
  banner: {
    flexDirection: "row",
    backgroundColor: PANEL,
    borderRadius: 4,
    padding: 8,
    marginBottom: 10,
  },
  bannerCol: { flex: 1 },
  name: { fontSize: 12, fontFamily: "Helvetica-Bold" },
  label: { fontSize: 7.5, color: MUTED, textTransform: "uppercase", letterSpacing: 0.5 },
  h2: {
    fontSize: 10,
    fontFamily: "Helvetica-Bold",
    color: BRAND,
    marginBottom: 4,
    marginTop: 2,
  },
  section: { marginBottom: 9 },
  row: { flexDirection: "row" },
  category: { fontSize: 13, fontFamily: "Helvetica-Bold", marginBottom: 2 },
  kv: {
    flexDirection: "row",
    paddingVertical: 1.5,
    borderBottomWidth: 0.5,
    borderBottomColor: LINE,
  },
  k: { width: 118, color: MUTED },
  v: { flex: 1 },
  bold: { fontFamily: "Helvetica-Bold" },
  small: { fontSize: 8, color: MUTED },
  flag: { flexDirection: "row", marginBottom: 5 },
  severity: {
    width: 46,
    fontSize: 7,
    fontFamily: "Helvetica-Bold",
    paddingVertical: 1,
    textAlign: "center",
    borderRadius: 2,
    marginRight: 5,
    alignSelf: "flex-start",
    color: "#ffffff",
  },
  footer: {
    position: "absolute",
    bottom: 20,
    left: 36,
    right: 36,
    flexDirection: "row",
    justifyContent: "space-between",
    fontSize: 7.5,
    color: MUTED,
    borderTopWidth: 0.5,
    borderTopColor: LINE,
    paddingTop: 4,
  },
});

// Whole words only: the default hyphenation splits words such as "base-line".
Font.registerHyphenationCallback((word) => [word]);

const categoryColor: Record<Category, string> = {
  too_early: INK,
  insufficient_data: INK,
  substantial: "#15803d",
  moderate: "#15803d",
  minimal: "#b45309",
  no_change: "#b45309",
  worse: "#b91c1c",
  recurrence: "#b91c1c",
};

const severityColor = { high: "#b91c1c", warning: "#b45309", info: "#475569" } as const;

/** 7.25 -> "7.3", 7 -> "7". */
const one = (n: number) => String(Math.round(n * 10) / 10 + 0);
const score = (n: number | null | undefined) => (n == null ? "-" : `${one(n)}/10`);
const label = <K extends string>(labels: Record<K, string>, code: string) =>
  (labels as Record<string, string>)[code] ?? code;

function longDate(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  return d.toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
}

function age(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number);
  const [ty, tm, td] = today.split("-").map(Number);
  let years = (ty ?? 0) - (by ?? 0);
  if ((tm ?? 0) < (bm ?? 0) || ((tm ?? 0) === (bm ?? 0) && (td ?? 0) < (bd ?? 0))) years -= 1;
  return years;
}

function change(pct: number | null, points: number | null): string {
  if (pct === null || points === null) return "-";
  const r = Math.round(pct * 10) / 10 + 0;
  if (r === 0) return "No change";
  return r > 0
    ? `${one(r)}% less pain (${one(points)} points)`
    : `${one(-r)}% more pain (${one(-points)} points)`;
}

function KV({ k, children }: { k: string; children: ReactNode }) {
  return (
    <View style={s.kv}>
      <Text style={s.k}>{k}</Text>
      <Text style={s.v}>{children}</Text>
    </View>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <View style={s.section} wrap={false}>
      <Text style={s.h2}>{title}</Text>
      {children}
    </View>
  );
}

// ---- The chart: daily pain and interference against baseline, with the 30% and 50% lines ----

const CHART = { width: 523, height: 150, left: 24, right: 92, top: 8, bottom: 20 };

function Chart({ report }: { report: VisitReport }) {
  const { procedure, assessment, chart } = report;
  if (!procedure || !assessment) return null;
  const lastDay = Math.max(14, assessment.day, ...chart.points.map((p) => p.day));
  const plotW = CHART.width - CHART.left - CHART.right;
  const plotH = CHART.height - CHART.top - CHART.bottom;
  const x = (day: number) => CHART.left + (Math.max(0, day) / lastDay) * plotW;
  const y = (v: number) => CHART.top + (1 - v / 10) * plotH;
  const step = lastDay <= 42 ? 7 : lastDay <= 120 ? 14 : lastDay <= 400 ? 30 : 90;
  const xTicks: number[] = [];
  for (let d = 0; d <= lastDay; d += step) xTicks.push(d);
  const base = procedure.baselinePain;
  const refLines = [
    { v: base, name: `Baseline ${one(base)}`, dash: undefined, color: INK },
    { v: base * 0.7, name: `30% less ${one(base * 0.7)}`, dash: "3,2", color: "#15803d" },
    { v: base * 0.5, name: `50% less ${one(base * 0.5)}`, dash: "1.5,1.5", color: "#15803d" },
  ];
  const poly = (pts: Array<{ day: number; v: number }>) =>
    pts.map((p) => `${x(p.day).toFixed(1)},${y(p.v).toFixed(1)}`).join(" ");
  const interference = chart.points.flatMap((p) =>
    p.interference === null ? [] : [{ day: p.day, v: p.interference }],
  );
  return (
    <View>
      <Svg width={CHART.width} height={CHART.height}>
        <Rect x={CHART.left} y={CHART.top} width={plotW} height={plotH} fill="#ffffff" />
        {[0, 2, 4, 6, 8, 10].map((v) => (
          <G key={`y${v}`}>
            <Line
              x1={CHART.left}
              x2={CHART.left + plotW}
              y1={y(v)}
              y2={y(v)}
              stroke={LINE}
              strokeWidth={0.4}
            />
            <Text x={CHART.left - 10} y={y(v) + 2.5} style={{ fontSize: 7 }} fill={MUTED}>
              {String(v)}
            </Text>
          </G>
        ))}
        {xTicks.map((d) => (
          <Text
            key={`x${d}`}
            x={x(d) - (d >= 100 ? 5 : d >= 10 ? 3.5 : 1.8)}
            y={CHART.top + plotH + 10}
            style={{ fontSize: 7 }}
            fill={MUTED}
          >
            {String(d)}
          </Text>
        ))}
        <Text
          x={CHART.left + plotW / 2 - 38}
          y={CHART.height - 1}
          style={{ fontSize: 7 }}
          fill={MUTED}
        >
          Days since the procedure
        </Text>
        {refLines.map((r) => (
          <G key={r.name}>
            <Line
              x1={CHART.left}
              x2={CHART.left + plotW}
              y1={y(r.v)}
              y2={y(r.v)}
              stroke={r.color}
              strokeWidth={0.9}
              strokeDasharray={r.dash}
            />
            <Text
              x={CHART.left + plotW + 4}
              y={y(r.v) + 2.5}
              style={{ fontSize: 7 }}
              fill={r.color}
            >
              {r.name}
            </Text>
          </G>
        ))}
        {interference.length > 1 ? (
          <Polyline
            points={poly(interference)}
            fill="none"
            stroke={INTERFERENCE}
            strokeWidth={0.9}
            strokeDasharray="2,1.5"
          />
        ) : null}
        {chart.points.map((p) => (
          <Circle key={`p${p.day}`} cx={x(p.day)} cy={y(p.pain)} r={1.7} fill={DOT} />
        ))}
        {chart.averages.length > 1 ? (
          <Polyline
            points={poly(chart.averages.map((a) => ({ day: a.day, v: a.pain })))}
            fill="none"
            stroke={PAIN}
            strokeWidth={1.6}
          />
        ) : null}
        <Line
          x1={CHART.left}
          x2={CHART.left}
          y1={CHART.top}
          y2={CHART.top + plotH}
          stroke={MUTED}
          strokeWidth={0.6}
        />
        <Line
          x1={CHART.left}
          x2={CHART.left + plotW}
          y1={CHART.top + plotH}
          y2={CHART.top + plotH}
          stroke={MUTED}
          strokeWidth={0.6}
        />
      </Svg>
      <View style={[s.row, { marginTop: 3, marginLeft: CHART.left }]}>
        <Legend color={DOT} text="Daily pain (0-10)" dot />
        <Legend color={PAIN} text="7-day average pain" />
        <Legend color={INTERFERENCE} text="Interference (mean of PEG enjoyment and activity)" />
      </View>
    </View>
  );
}

function Legend({ color, text, dot }: { color: string; text: string; dot?: boolean }) {
  return (
    <View style={[s.row, { alignItems: "center", marginRight: 12 }]}>
      <Svg width={14} height={6}>
        {dot ? (
          <Circle cx={7} cy={3} r={2} fill={color} />
        ) : (
          <Line x1={0} x2={14} y1={3} y2={3} stroke={color} strokeWidth={1.6} />
        )}
      </Svg>
      <Text style={[s.small, { marginLeft: 3 }]}>{text}</Text>
    </View>
  );
}

// ---- The page ----

export function VisitReportDocument({ report }: { report: VisitReport }) {
  const { procedure, assessment: a, patient } = report;
  const staff = report.audience === "staff";
  const today = report.generatedAt.slice(0, 10);
  const procedureLine = procedure
    ? `${label(modalityLabels, procedure.modality as Modality)} ablation, ${treatedSiteLabel(procedure.region, procedure.side).toLowerCase()}${procedure.target ? `, ${procedure.target}` : ""}`
    : "No procedure recorded";
  const title = staff ? "Visit report" : "My pain diary report";
  return (
    <Document
      title={`${title}: ${patient.name}`}
      author={report.clinicName}
      subject="Outcome after nerve ablation"
      creator="Ablation Follow-up Portal"
      producer="Ablation Follow-up Portal"
    >
      <Page size={report.paper} style={s.page}>
        <View style={s.footer} fixed>
          <Text>
            {patient.name} | {report.clinicName} | Confidential: personal health information
          </Text>
          <Text render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
        </View>

        <View style={s.header}>
          <View>
            <Text style={s.clinic}>{report.clinicName.toUpperCase()}</Text>
            <Text style={s.title}>{title}</Text>
          </View>
          <View>
            <Text style={s.meta}>Generated {report.generatedAt}</Text>
            <Text style={s.meta}>by {report.generatedBy}</Text>
          </View>
        </View>

        <View style={s.banner}>
          <View style={[s.bannerCol, { flex: 1.1 }]}>
            <Text style={s.label}>Patient</Text>
            <Text style={s.name}>{patient.name}</Text>
            {patient.birthDate || patient.mrn ? (
              <Text style={s.small}>
                {[
                  patient.birthDate
                    ? `Born ${longDate(patient.birthDate)} (${age(patient.birthDate, today)} years)`
                    : null,
                  patient.mrn ? `MRN ${patient.mrn}` : null,
                ]
                  .filter(Boolean)
                  .join("  |  ")}
              </Text>
            ) : null}
            <Text style={s.small}>{patient.email}</Text>
          </View>
          <View style={[s.bannerCol, { flex: 1.4, paddingLeft: 10 }]}>
            <Text style={s.label}>Procedure</Text>
            <Text style={s.bold}>{procedureLine}</Text>
            {procedure?.technique ? <Text style={s.small}>{procedure.technique}</Text> : null}
            {procedure && a ? (
              <Text style={s.small}>
                Performed {longDate(procedure.performedOn)} | day {a.day} on {longDate(a.asOf)}
                {report.procedureCount > 1
                  ? `  |  ${report.procedureCount} procedures on record`
                  : ""}
              </Text>
            ) : null}
          </View>
        </View>

        {procedure && a ? (
          <>
            <View style={[s.row, s.section]}>
              <View style={{ flex: 1, paddingRight: 14 }}>
                <Text style={s.h2}>Assessment</Text>
                <Text style={[s.category, { color: categoryColor[a.category as Category] }]}>
                  {categoryLabels[a.category as Category]}
                </Text>
                <Text style={[s.small, { marginBottom: 4 }]}>
                  {phaseLabels[a.phase]} phase: {a.phaseMessage}
                </Text>
                <KV k="Pain before (baseline)">{score(a.baselinePain)}</KV>
                <KV k="Pain now (7-day average)">
                  {a.currentPain === null
                    ? `Not enough entries (${a.entryCountInWindow} in the last 7 days)`
                    : `${score(a.currentPain)} from ${a.entryCountInWindow} entries`}
                </KV>
                <KV k="Change">{change(a.reductionPct, a.reductionPoints)}</KV>
                {staff ? (
                  <>
                    <KV k="Best 7-day reduction">
                      {a.peakReductionPct === null ? "-" : `${one(a.peakReductionPct)}%`}
                    </KV>
                    <KV k="Interference before / now">
                      {`${score(a.baselineInterference)} / ${score(a.currentInterference)}${
                        a.functionImproved === null
                          ? ""
                          : a.functionImproved
                            ? " (function improved)"
                            : " (function not improved)"
                      }`}
                    </KV>
                    <KV k={`Success (${a.criteria} criteria)`}>{a.success ? "Yes" : "No"}</KV>
                  </>
                ) : null}
                <KV k="Relief">{reliefSentence(a, longDate) ?? "-"}</KV>
              </View>
              <View style={{ width: 190 }}>
                {staff ? (
                  <>
                    <Text style={s.h2}>Open flags</Text>
                    {report.openFlags.length === 0 ? (
                      <Text style={s.small}>No open flags.</Text>
                    ) : (
                      report.openFlags.map((f) => (
                        <View key={f.code} style={s.flag}>
                          <Text
                            style={[s.severity, { backgroundColor: severityColor[f.severity] }]}
                          >
                            {f.severity.toUpperCase()}
                          </Text>
                          <View style={{ flex: 1 }}>
                            <Text style={s.bold}>{flagCodeLabels[f.code]}</Text>
                            <Text style={s.small}>{f.sentence}</Text>
                          </View>
                        </View>
                      ))
                    )}
                    {report.answeredFlags.length > 0 ? (
                      <>
                        <Text style={[s.h2, { marginTop: 6 }]}>Answered flags</Text>
                        {report.answeredFlags.map((f) => (
                          <View key={f.code} style={s.flag}>
                            <Text style={[s.severity, { backgroundColor: MUTED }]}>
                              {f.severity.toUpperCase()}
                            </Text>
                            <View style={{ flex: 1 }}>
                              <Text style={s.bold}>{flagCodeLabels[f.code]}</Text>
                              <Text style={s.small}>
                                {`Answered ${longDate(f.answeredOn)}${f.byName ? ` by ${f.byName}` : ""}${f.withDecision ? " with the plan" : ""}.`}
                              </Text>
                            </View>
                          </View>
                        ))}
                      </>
                    ) : null}
                  </>
                ) : null}
                <Text style={[s.h2, staff ? { marginTop: 6 } : {}]}>Check-ins</Text>
                {report.checkIns.map((c) => (
                  <View key={c.day} style={s.kv}>
                    <Text style={{ width: 104, color: MUTED }}>
                      {checkInName[c.day] ?? `Day ${c.day}`} ({longDate(c.date)})
                    </Text>
                    <Text style={s.v}>
                      {c.answer ??
                        (c.status === "answered"
                          ? "Answered"
                          : c.status === "overdue"
                            ? "Overdue"
                            : c.status === "due"
                              ? "Due"
                              : "Upcoming")}
                    </Text>
                  </View>
                ))}
              </View>
            </View>

            <Section title="Pain and interference since the procedure">
              <Chart report={report} />
            </Section>
          </>
        ) : null}

        <View style={s.row}>
          <View style={{ flex: 1, paddingRight: 14 }}>
            <Section title="Current plan">
              {report.plan ? (
                <>
                  {report.plan.strategies.map((p) => (
                    <Text key={p.strategy} style={{ marginBottom: 1.5 }}>
                      <Text style={s.bold}>- {label(strategyLabels, p.strategy as Strategy)}</Text>
                      {p.note ? `: ${p.note}` : ""}
                    </Text>
                  ))}
                  <Text style={[s.small, { marginTop: 2 }]}>
                    Decided {longDate(report.plan.decidedOn)}
                    {report.plan.providerName ? ` by ${report.plan.providerName}` : ""}
                    {report.plan.followUpOn
                      ? `  |  next review ${longDate(report.plan.followUpOn)}`
                      : ""}
                  </Text>
                </>
              ) : (
                <Text style={s.small}>
                  {staff ? "No plan recorded yet." : "Your care team has not recorded a plan yet."}
                </Text>
              )}
            </Section>
          </View>
          {staff && procedure ? (
            <View style={{ flex: 1 }}>
              <Section title="Decisions for this procedure">
                {report.decisions.length === 0 ? (
                  <Text style={s.small}>No decision recorded yet.</Text>
                ) : (
                  report.decisions.slice(0, 4).map((d) => (
                    <View key={`${d.decidedOn}-${d.strategies.join()}`} style={{ marginBottom: 4 }}>
                      <Text>
                        <Text style={s.bold}>{longDate(d.decidedOn)}</Text>
                        {d.providerName ? ` ${d.providerName}` : ""}
                        {d.current ? " (current)" : d.amended ? " (amendment)" : ""}:{" "}
                        {d.strategies.map((x) => label(strategyLabels, x as Strategy)).join(", ")}
                      </Text>
                      {d.suspectedFactors.length ? (
                        <Text style={s.small}>
                          Suspected:{" "}
                          {d.suspectedFactors
                            .map((f) => label(suspectedFactorLabels, f as SuspectedFactor))
                            .join(", ")}
                        </Text>
                      ) : null}
                      {d.rationale ? <Text style={s.small}>Rationale: {d.rationale}</Text> : null}
                    </View>
                  ))
                )}
                {report.decisions.length > 4 ? (
                  <Text style={s.small}>
                    {report.decisions.length - 4} earlier decisions not shown.
                  </Text>
                ) : null}
              </Section>
            </View>
          ) : null}
        </View>

        {report.checkInQr ? (
          <View style={[s.row, s.section, { alignItems: "center" }]} wrap={false}>
            <Image src={report.checkInQr.png} style={{ width: 72, height: 72, marginRight: 10 }} />
            <View style={{ flex: 1 }}>
              <Text style={s.h2}>Your {report.checkInQr.checkInName} check-in, on your phone</Text>
              <Text style={s.small}>
                Scan this code with your phone's camera: it opens your check-in once you confirm
                your date of birth. It works once, until {longDate(report.checkInQr.until)}.
              </Text>
            </View>
          </View>
        ) : null}

        {staff && procedure?.notes ? (
          <Section title="Procedure notes">
            <Text>{procedure.notes}</Text>
          </Section>
        ) : null}
      </Page>
    </Document>
  );
}

export async function renderVisitReport(report: VisitReport): Promise<Buffer> {
  return renderToBuffer(<VisitReportDocument report={report} />);
}

/** The report's file name: `visit-report-<MRN or name>-<YYYY-MM-DD>.pdf`, or the patient's own. */
export const reportFileName = (report: VisitReport) =>
  exportFileName(
    "visit-report",
    report.audience === "staff" ? report.patient : "own",
    report.generatedAt.slice(0, 10),
  );
