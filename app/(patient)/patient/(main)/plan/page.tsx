import type { Metadata } from "next";
import { decidedLine, PlanCard, PlanStrategies } from "@/components/decisions/current-plan";
import { formatDate } from "@/components/format";
import { EmptyState } from "@/components/ui/empty-state";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { orPage, serverApi } from "@/server/api/server";

export const metadata: Metadata = { title: "My plan" };

/** The patient's plan from their care team in plain words, and the plans it replaced. */
export default async function PlanPage() {
  const { current, earlier } = await orPage((await serverApi()).decision.mine());
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader
        title="My plan"
        description="What your care team decided about your treatment, in plain words."
      />
      {current ? (
        <PlanCard plan={current} />
      ) : (
        <EmptyState title="No plan yet">
          Your care team has not recorded a plan yet. They follow your diary and your messages; when
          they decide what comes next, it appears here. Until then, keep your{" "}
          <Link href="/patient/diary/new" className="font-medium text-brand-800 underline">
            diary
          </Link>{" "}
          going.
        </EmptyState>
      )}
      {earlier.length > 0 ? (
        <section aria-labelledby="earlier-heading">
          <h2 id="earlier-heading" className="text-lg font-semibold text-slate-900">
            Earlier plans
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            Replaced by the plan above, kept so that you can look back. Newest first.
          </p>
          <ol className="mt-3 space-y-3">
            {earlier.map((plan) => (
              <li key={plan.id} className="rounded-xl border border-slate-200 bg-white p-4">
                <p className="text-sm text-slate-700">{decidedLine(plan, "a plan")}</p>
                <PlanStrategies plan={plan} />
                {plan.followUpOn ? (
                  <p className="mt-3 text-sm text-slate-700">
                    Review planned for {formatDate(plan.followUpOn, { weekday: "long" })}.
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
