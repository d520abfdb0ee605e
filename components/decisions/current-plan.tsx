import { formatDate } from "@/components/format";
import type { CurrentPlan as Plan } from "@/components/provider/types";
import { Card, CardTitle } from "@/components/ui/card";
import { orPage, serverApi } from "@/server/api/server";
import { planWords } from "./plan-words";

/** The patient's current plan from their care team, in plain words (patient home). */
export async function CurrentPlan() {
  const api = await serverApi();
  const plan = await orPage(api.decision.current());
  return plan ? <PlanCard plan={plan} /> : null;
}

export function PlanCard({ plan }: { plan: Plan }) {
  return (
    <Card aria-labelledby="plan-heading">
      <CardTitle>
        <span id="plan-heading">Your plan</span>
      </CardTitle>
      <p className="text-sm text-slate-700">
        {plan.providerName ?? "Your care team"} {plan.amended ? "updated" : "decided"} this plan on{" "}
        {formatDate(new Date(plan.decidedAt).toISOString().slice(0, 10), { weekday: "short" })}.
      </p>
      <ul className="mt-3 space-y-3">
        {plan.strategies.map((s) => (
          <li key={s.strategy} className="rounded-lg bg-slate-50 p-3">
            <p className="font-semibold text-slate-900">{planWords[s.strategy].title}</p>
            <p className="text-sm text-slate-700">{planWords[s.strategy].text}</p>
            {s.note ? (
              <p className="mt-1 text-sm text-slate-900">
                <span className="font-medium">Note from your care team:</span> {s.note}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      <p className="mt-3 text-slate-800">
        {plan.followUpOn
          ? `Next review: ${formatDate(plan.followUpOn, { weekday: "long" })}.`
          : "Your care team will tell you when they review your progress next."}
      </p>
    </Card>
  );
}
