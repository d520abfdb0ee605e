"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useState } from "react";
import { BodyMap, locationOptions } from "@/components/diary/body-map";
import { CheckboxChips, ChoiceCard } from "@/components/diary/choice-cards";
import { newClientId } from "@/components/diary/client-id";
import { sendOrKeep, usePendingEntries } from "@/components/diary/device-store";
import { useDeviceUser } from "@/components/diary/pending-entries";
import { ScoreScale } from "@/components/diary/score-scale";
import { formatDate } from "@/components/format";
import { errorMessage, fieldErrors } from "@/components/trpc/errors";
import { mutate } from "@/components/trpc/mutate";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { ErrorSummary } from "@/components/ui/error-summary";
import { describedBy, Field, FieldError, Textarea } from "@/components/ui/field";
import { flash } from "@/components/ui/flash";
import { CHANGES, type Change, changeLabels, type Location } from "@/server/outcomes/vocab-lists";
import { changeNeedsText, type ReportProblems, reportProblems } from "@/shared/message-rules";
import type { ReportChangeInput } from "@/shared/schemas";
import { TextCounter } from "./text-counter";

type FieldName = keyof ReportProblems | "attachTodaysEntry";
type Errors = Partial<Record<FieldName, string>>;

/** The order of the questions, for the error summary. */
const FIELD_ORDER: Array<[FieldName, string]> = [
  ["changes", "What has changed"],
  ["painNow", "Pain now"],
  ["locations", "Where"],
  ["body", "Your message"],
  ["attachTodaysEntry", "Today's diary entry"],
];

const toggle = <T,>(xs: readonly T[], x: T): T[] =>
  xs.includes(x) ? xs.filter((y) => y !== x) : [...xs, x];

/**
 * "Report a change" (docs/decisions/020-messages.md): what changed (one or more), pain now, where,
 * and the patient's words; today's diary entry goes with it unless the patient says no. The rules are the server's (message-rules.ts), applied here without zod. Sent
 * once per client id: a retry sends the same id; without a network it waits on the phone and the
 * patient layout sends it.
 */
export function ReportChangeForm({ todaysEntryDate }: { todaysEntryDate: string | null }) {
  const router = useRouter();
  const userId = useDeviceUser();
  const [clientId] = useState(newClientId);
  const [changes, setChanges] = useState<Change[]>([]);
  const [painNow, setPainNow] = useState<number | null>(null);
  const [locations, setLocations] = useState<Location[]>([]);
  const [body, setBody] = useState("");
  const [attach, setAttach] = useState(todaysEntryDate !== null);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState(false);
  /** Kept on this phone because the network or the portal was away: sent when it returns. */
  const [queued, setQueued] = useState(false);
  const stillPending = usePendingEntries(userId ?? "").some(
    (p) => p.input.clientId === clientId && !p.refused,
  );
  const needsText = changeNeedsText(changes);

  // A report kept on the phone has been sent (by PatientDevice): on to the thread.
  useEffect(() => {
    if (queued && !stillPending) router.push("/patient/messages");
  }, [queued, stillPending, router]);

  const clear = (key: FieldName) => setErrors((e) => ({ ...e, [key]: undefined }));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Errors = reportProblems({ changes, painNow, locations, body });
    setFormError(null);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    const input: ReportChangeInput = {
      clientId,
      changes,
      painNow,
      locations,
      body,
      attachTodaysEntry: todaysEntryDate !== null && attach,
    };
    setPending(true);
    try {
      const sent = await sendOrKeep(userId, { kind: "report", input }, () =>
        mutate("message", "report", input),
      );
      if (sent === "kept") {
        setQueued(true);
        return;
      }
      flash("Sent to your care team.");
      router.push("/patient/messages");
      router.refresh();
    } catch (error) {
      setPending(false);
      setErrors(fieldErrors(error) as Errors);
      setFormError(errorMessage(error));
      setAttempt((n) => n + 1);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {queued ? (
        <Alert tone="warning" role="status" title="Your report is kept on this phone">
          The portal cannot be reached right now. Your report will be sent automatically when the
          connection returns; you can leave this page. It shows as "Waiting to send" in your
          messages until then.
        </Alert>
      ) : null}
      <ErrorSummary fields={FIELD_ORDER} errors={errors} formError={formError} attempt={attempt} />

      <Card>
        <fieldset
          id="changes"
          aria-describedby={cn("changes-hint", errors.changes && "changes-error") || undefined}
        >
          <legend className="text-base font-semibold text-slate-900">What has changed?</legend>
          <p id="changes-hint" className="mt-1 text-sm text-slate-600">
            Choose all that apply.
          </p>
          <div className="mt-3 grid gap-2 sm:grid-cols-2">
            {CHANGES.map((c) => (
              <ChoiceCard
                type="checkbox"
                key={c}
                name="changes"
                value={c}
                checked={changes.includes(c)}
                onChange={() => {
                  const next = toggle(changes, c);
                  setChanges(next);
                  clear("changes");
                  if (!changeNeedsText(next)) clear("body");
                }}
                invalid={Boolean(errors.changes)}
              >
                {changeLabels[c]}
              </ChoiceCard>
            ))}
          </div>
          <FieldError id="changes-error" error={errors.changes} />
        </fieldset>
      </Card>

      <Card>
        <ScoreScale
          id="painNow"
          legend="Your pain right now (optional)"
          low="no pain"
          high="pain as bad as you can imagine"
          value={painNow}
          onChange={(n) => {
            setPainNow(n);
            clear("painNow");
          }}
          error={errors.painNow}
        />
        <div className="mt-2 flex min-h-9 items-center justify-between gap-3 text-sm text-slate-600">
          {painNow === null ? (
            <p>Not sure? Leave it empty.</p>
          ) : (
            <>
              <p>You chose {painNow} out of 10.</p>
              <Button variant="ghost" size="sm" onClick={() => setPainNow(null)}>
                Clear pain score
              </Button>
            </>
          )}
        </div>
      </Card>

      <Card>
        <fieldset
          id="locations"
          aria-describedby={
            cn("locations-hint", errors.locations && "locations-error") || undefined
          }
        >
          <legend className="text-base font-semibold text-slate-900">Where? (optional)</legend>
          <p id="locations-hint" className="mt-1 text-sm text-slate-600">
            Choose all that apply. You can also tap the picture.
          </p>
          <div className="mt-3 grid gap-4">
            <BodyMap selected={locations} onToggle={(r) => setLocations(toggle(locations, r))} />
            <CheckboxChips
              name="locations"
              options={locationOptions(locations)}
              selected={locations}
              onToggle={(r) => setLocations(toggle(locations, r))}
              invalid={Boolean(errors.locations)}
              columns={4}
            />
          </div>
          <FieldError id="locations-error" error={errors.locations} />
        </fieldset>
      </Card>

      <Card className="space-y-4">
        <Field
          id="body"
          label={
            <span className="text-base font-semibold text-slate-900">
              {needsText ? "Tell your care team more" : "Tell your care team more (optional)"}
            </span>
          }
          hint="What it feels like, how strong it is, since when, and what you have tried."
          error={errors.body}
        >
          <Textarea
            id="body"
            name="body"
            rows={5}
            value={body}
            onChange={(e) => {
              setBody(e.target.value);
              clear("body");
            }}
            {...describedBy("body", { hint: true, error: errors.body })}
          />
          <TextCounter length={body.length} />
        </Field>
        {todaysEntryDate ? (
          <div>
            <label className="flex cursor-pointer items-start gap-3">
              <input
                id="attachTodaysEntry"
                type="checkbox"
                checked={attach}
                onChange={(e) => {
                  setAttach(e.target.checked);
                  clear("attachTodaysEntry");
                }}
                aria-describedby="attachTodaysEntry-hint"
                className="mt-1 size-5 shrink-0 accent-brand-700"
              />
              <span>
                <span className="block font-medium text-slate-900">Attach today's diary entry</span>
                <span id="attachTodaysEntry-hint" className="block text-sm text-slate-600">
                  Your care team sees your entry of{" "}
                  {formatDate(todaysEntryDate, { weekday: "short" })} with this report.
                </span>
              </span>
            </label>
            <FieldError id="attachTodaysEntry-error" error={errors.attachTodaysEntry} />
          </div>
        ) : null}
      </Card>

      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <ButtonLink href="/patient/messages" variant="secondary">
          Cancel
        </ButtonLink>
        <Button type="submit" disabled={pending || queued} className="sm:min-w-56">
          {queued ? "Waiting to send…" : pending ? "Sending…" : "Send to my care team"}
        </Button>
      </div>
    </form>
  );
}
