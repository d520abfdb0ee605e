import { cache } from "react";
import { formatDate } from "@/components/format";
import type { CurrentPlan as Plan } from "@/components/provider/types";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { orPage, serverApi } from "@/server/api/server";
import { PlanSeenButton } from "./plan-seen-button";
import { planWords } from "./plan-words";

/**
 * The patient's current plan from their care team, in plain words (patient home). While the
 * notice of a new plan is unread, it comes first on the page, marked new, with "Got it".
 */
export async function CurrentPlan({ place }: { place: "top" | "side" }) {
  const { plan, unread } = await planAndNotice();
  if (!plan) return null;
  if ((place === "top") !== unread) return null;
  return <PlanCard plan={plan} isNew={unread} linkToPage />;
}

/** Read once per request, for both places. */
const planAndNotice = cache(async () => {
  const api = await serverApi();
  const [plan, notices] = await Promise.all([
    orPage(api.decision.current()),
    orPage(api.notifications.list()),
  ]);
  return { plan, unread: notices.some((n) => n.kind === "new_plan" && !n.read) };
});

/** Who decided the plan and when ("Dr. Priya Provider decided this plan on Wed 18 Nov."). */
export function decidedLine(plan: Plan, what = "this plan") {
  return `${plan.providerName ?? "Your care team"} ${plan.amended ? "updated" : "decided"} ${what} on ${formatDate(new Date(plan.decidedAt).toISOString().slice(0, 10), { weekday: "short" })}.`;
}

/** The plan's strategies in plain words, with the care team's notes. */
export function PlanStrategies({ plan }: { plan: Plan }) {
  return (
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
  );
}

/** `linkToPage`: on the home page, the way to the plan page (and the earlier plans). */
export function PlanCard({
  plan,
  isNew = false,
  linkToPage = false,
}: {
  plan: Plan;
  isNew?: boolean;
  linkToPage?: boolean;
}) {
  return (
    <Card
      aria-labelledby="plan-heading"
      className={isNew ? "border-brand-200 ring-2 ring-brand-200" : undefined}
    >
      <CardTitle
        action={
          linkToPage ? (
            <Link
              href="/patient/plan"
              className="inline-flex min-h-11 items-center whitespace-nowrap text-sm font-medium text-brand-800 underline"
            >
              See all plans
            </Link>
          ) : null
        }
      >
        <span id="plan-heading" className="flex flex-wrap items-center gap-2">
          Your plan
          {isNew ? <Badge tone="brand">New from your care team</Badge> : null}
        </span>
      </CardTitle>
      <p className="text-sm text-slate-700">{decidedLine(plan)}</p>
      <PlanStrategies plan={plan} />
      <p className="mt-3 text-slate-800">
        {plan.followUpOn
          ? `Next review: ${formatDate(plan.followUpOn, { weekday: "long" })}.`
          : "Your care team will tell you when they review your progress next."}
      </p>
      {isNew ? <PlanSeenButton /> : null}
    </Card>
  );
}
