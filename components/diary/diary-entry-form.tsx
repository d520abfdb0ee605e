"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, type ReactNode, useEffect, useState } from "react";
import { formatDate } from "@/components/format";
import { errorMessage, fieldErrors } from "@/components/trpc/errors";
import { mutate } from "@/components/trpc/mutate";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ErrorSummary } from "@/components/ui/error-summary";
import { describedBy, Field, FieldError, Input, Select, Textarea } from "@/components/ui/field";
import { flash } from "@/components/ui/flash";
import { entryProblems, MEDICATION_MAX, NOTE_MAX } from "@/server/api/routers/diary-rules";
import {
  PGIC_ANSWERS,
  type Pgic,
  pgicLabels,
  QUALITIES,
  type Quality,
  qualityLabels,
  REGIONS,
  type Region,
  regionLabels,
} from "@/server/outcomes/diary-lists";
import { BodyMap } from "./body-map";
import { CheckboxChips, RadioCard } from "./choice-cards";
import { newClientId } from "./client-id";
import { readDraft, saveDraft, sendOrKeep, usePendingEntries } from "./device-store";
import { checkInName } from "./patient-words";
import { useDeviceUser } from "./pending-entries";
import { ScoreScale } from "./score-scale";
import type { CheckInQuestion, DiaryEntry, FormDay } from "./types";

type Values = {
  entryDate: string;
  painAverage: number | null;
  enjoyment: number | null;
  activity: number | null;
  locations: Region[];
  qualities: Quality[];
  siteSoreness: boolean | null;
  medication: string;
  note: string;
  pgic: Pgic | null;
};
type FieldName = keyof Values;
type Errors = Partial<Record<FieldName, string>>;

/** The order of the questions, for the error summary. */
const FIELD_ORDER: Array<[FieldName, string]> = [
  ["entryDate", "Date"],
  ["painAverage", "Pain"],
  ["enjoyment", "Enjoyment of life"],
  ["activity", "General activity"],
  ["locations", "Where it hurts"],
  ["qualities", "What it feels like"],
  ["siteSoreness", "Soreness at the treated site"],
  ["pgic", "Check-in question"],
  ["medication", "Medication"],
  ["note", "Note"],
];

const regionOptions = REGIONS.map((value) => ({ value, label: regionLabels[value] }));
const qualityOptions = QUALITIES.map((value) => ({ value, label: qualityLabels[value] }));

export type DiaryEntryFormProps =
  | {
      mode: "add";
      today: string;
      /** The dates the form may use, today first. */
      days: FormDay[];
      initialDate: string;
    }
  | {
      mode: "correct";
      entry: DiaryEntry;
      /** The PGIC question for the entry's date, if it has one. */
      checkIn: CheckInQuestion;
    };

function initialValues(props: DiaryEntryFormProps): Values {
  if (props.mode === "add") {
    return {
      entryDate: props.initialDate,
      painAverage: null,
      enjoyment: null,
      activity: null,
      locations: [],
      qualities: [],
      siteSoreness: null,
      medication: "",
      note: "",
      pgic: null,
    };
  }
  const e = props.entry;
  return {
    entryDate: e.entryDate,
    painAverage: e.painAverage,
    enjoyment: e.enjoyment,
    activity: e.activity,
    locations: e.locations,
    qualities: e.qualities,
    siteSoreness: e.siteSoreness,
    medication: e.medication,
    note: e.note,
    pgic: e.pgic,
  };
}

const toggle = <T,>(xs: readonly T[], x: T): T[] =>
  xs.includes(x) ? xs.filter((y) => y !== x) : [...xs, x];

/** The calendar day before a YYYY-MM-DD day (the phone's copy of addDays(day, -1), kept small). */
const dayBefore = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

function dayLabel(d: FormDay, today: string): string {
  const when =
    d.date === today
      ? `Today, ${formatDate(d.date, { weekday: "short" })}`
      : d.date === dayBefore(today)
        ? `Yesterday, ${formatDate(d.date, { weekday: "short" })}`
        : formatDate(d.date, { weekday: "short" });
  return d.entryId ? `${when} (already recorded)` : when;
}

/**
 * The diary entry form (SPEC 2.9), for a new entry or a correction. Mobile first; every question
 * is a labelled control; errors are shown per field and summarised at the top.
 */
export function DiaryEntryForm(props: DiaryEntryFormProps) {
  const router = useRouter();
  // One id per form: a double click or a retry sends the same one, and the server stores it once.
  const [clientId, setClientId] = useState(newClientId);
  const [values, setValues] = useState<Values>(() => initialValues(props));
  const userId = useDeviceUser();
  const drafts = props.mode === "add" && userId !== null;
  const [restored, setRestored] = useState<"no" | "yes" | "pending">(drafts ? "pending" : "no");
  /** Saved on this phone because the network or the portal was away: sent when it returns. */
  const [queued, setQueued] = useState(false);
  const stillPending = usePendingEntries(userId ?? "").some(
    (p) => p.input.clientId === clientId && !p.refused,
  );
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  /** Sending, or sent and on the way to the next page. */
  const [pending, setPending] = useState(false);

  const set = <K extends FieldName>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const selectedDay =
    props.mode === "add" ? props.days.find((d) => d.date === values.entryDate) : undefined;
  const checkIn: CheckInQuestion =
    props.mode === "add" ? (selectedDay?.checkIn ?? null) : props.checkIn;
  const existingEntryId = props.mode === "add" ? (selectedDay?.entryId ?? null) : null;

  // The draft on this phone: restored once, then kept while the patient types.
  useEffect(() => {
    if (restored !== "pending" || !userId) return;
    const draft = readDraft<Values>(userId);
    if (draft) {
      setClientId(draft.clientId);
      setValues(draft.values);
    }
    setRestored(draft ? "yes" : "no");
  }, [restored, userId]);
  useEffect(() => {
    if (drafts && userId && restored !== "pending" && !queued) {
      saveDraft({ userId, clientId, values });
    }
  }, [drafts, userId, restored, queued, clientId, values]);

  // A queued entry that has been sent (by PatientDevice) leaves the form.
  useEffect(() => {
    if (queued && !stillPending) router.push("/patient");
  }, [queued, stillPending, router]);

  function validate(): Errors {
    const found: Errors = {};
    const fields = {
      painAverage: values.painAverage,
      enjoyment: values.enjoyment,
      activity: values.activity,
      locations: values.locations,
      qualities: values.qualities,
      siteSoreness: values.siteSoreness,
      medication: values.medication,
      note: values.note,
      pgic: checkIn ? values.pgic : null,
    };
    for (const [key, message] of Object.entries(entryProblems(fields))) {
      found[key as FieldName] ??= message;
    }
    if (props.mode === "add") {
      if (!selectedDay) {
        found.entryDate = "Choose today or one of the 7 days before it.";
      } else if (selectedDay.entryId) {
        found.entryDate = "You already have an entry for this day. Open it to make a correction.";
      } else if (!selectedDay.procedureId) {
        found.entryDate =
          "This date is before your procedure. Your diary starts on the procedure day.";
      }
    }
    if (checkIn && !checkIn.answered && !values.pgic) {
      found.pgic = "Choose how your pain has changed since your procedure.";
    }
    return found;
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validate();
    setFormError(null);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    const fields = {
      painAverage: values.painAverage ?? -1,
      enjoyment: values.enjoyment ?? -1,
      activity: values.activity ?? -1,
      locations: values.locations,
      qualities: values.qualities,
      siteSoreness: values.siteSoreness ?? false,
      medication: values.medication,
      note: values.note,
      pgic: checkIn ? values.pgic : null,
    };
    setPending(true);
    try {
      if (props.mode === "add") {
        const input = { ...fields, clientId, entryDate: values.entryDate };
        const sent = await sendOrKeep(userId, { kind: "diary", input }, () =>
          mutate("diary", "add", input),
        );
        if (sent === "kept") {
          saveDraft(null);
          setQueued(true);
          return;
        }
        if (drafts) saveDraft(null);
        flash("Your entry is saved.");
        router.push("/patient");
      } else {
        await mutate("diary", "correct", {
          ...fields,
          id: props.entry.id,
          version: props.entry.version,
        });
        flash("Your correction is saved.");
        router.push(`/patient/history/${props.entry.id}`);
      }
      router.refresh();
    } catch (error) {
      setPending(false);
      setErrors(fieldErrors(error) as Errors);
      setFormError(errorMessage(error));
      setAttempt((n) => n + 1);
      // Someone (another tab) changed the diary: reload what the form knows about each day.
      if ((error as { data?: { code?: string } }).data?.code === "CONFLICT") router.refresh();
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-describedby="form-required">
      {queued ? (
        <Alert tone="warning" role="status" title="Your entry is kept on this phone">
          The portal cannot be reached right now. Your entry will be sent automatically when the
          connection returns; you can leave this page. It shows as "Waiting to send" in your diary
          history until then.
        </Alert>
      ) : restored === "yes" ? (
        <Alert tone="info" role="status">
          We kept the entry you started on this phone. Check it and save it when you are ready.
        </Alert>
      ) : null}
      <ErrorSummary fields={FIELD_ORDER} errors={errors} formError={formError} attempt={attempt} />
      <p id="form-required" className="text-sm text-slate-600">
        All questions are needed except medication and the note.
      </p>

      <Section>
        {props.mode === "add" ? (
          <Field
            id="entryDate"
            label="Which day is this entry for?"
            hint="Today or any of the 7 days before it. You cannot enter future days."
            error={errors.entryDate}
          >
            <Select
              id="entryDate"
              name="entryDate"
              value={values.entryDate}
              onChange={(e) => {
                set("entryDate", e.target.value);
                setErrors((er) => ({ ...er, entryDate: undefined }));
              }}
              {...describedBy("entryDate", { hint: true, error: errors.entryDate })}
            >
              {props.days
                .filter((d) => d.procedureId)
                .map((d) => (
                  <option key={d.date} value={d.date}>
                    {dayLabel(d, props.today)}
                  </option>
                ))}
            </Select>
          </Field>
        ) : (
          <p className="text-base font-semibold text-slate-900" id="entryDate">
            Entry for {formatDate(values.entryDate, { weekday: "short" })}
          </p>
        )}
        {existingEntryId ? (
          <Alert tone="info" className="mt-3">
            You already have an entry for this day.{" "}
            <Link href={`/patient/history/${existingEntryId}`} className="font-semibold underline">
              Open it to make a correction
            </Link>
            , or choose another day.
          </Alert>
        ) : null}
        {selectedDay?.day != null ? (
          <p className="mt-2 text-sm text-slate-600">Day {selectedDay.day} after your procedure.</p>
        ) : null}
      </Section>

      <Section>
        <ScoreScale
          id="painAverage"
          legend="Your pain on average in the last 24 hours"
          low="no pain"
          high="pain as bad as you can imagine"
          value={values.painAverage}
          onChange={(n) => set("painAverage", n)}
          error={errors.painAverage}
        />
      </Section>

      <Section>
        <ScoreScale
          id="enjoyment"
          legend="How much did pain interfere with your enjoyment of life?"
          low="does not interfere"
          high="completely interferes"
          value={values.enjoyment}
          onChange={(n) => set("enjoyment", n)}
          error={errors.enjoyment}
        />
      </Section>

      <Section>
        <ScoreScale
          id="activity"
          legend="How much did pain interfere with your general activity?"
          low="does not interfere"
          high="completely interferes"
          value={values.activity}
          onChange={(n) => set("activity", n)}
          error={errors.activity}
        />
      </Section>

      <Section>
        <fieldset
          id="locations"
          aria-describedby={
            cn("locations-hint", errors.locations && "locations-error") || undefined
          }
        >
          <legend className="text-base font-semibold text-slate-900">
            Where does it hurt today?
          </legend>
          <p id="locations-hint" className="mt-1 text-sm text-slate-600">
            Choose all that apply. You can also tap the picture.
          </p>
          <div className="mt-3 grid gap-4 sm:grid-cols-[auto_1fr] sm:items-start">
            <BodyMap
              selected={values.locations}
              onToggle={(r) => set("locations", toggle(values.locations, r))}
            />
            <CheckboxChips
              name="locations"
              options={regionOptions}
              selected={values.locations}
              onToggle={(r) => set("locations", toggle(values.locations, r))}
              invalid={Boolean(errors.locations)}
              columns={2}
            />
          </div>
          <FieldError id="locations-error" error={errors.locations} />
        </fieldset>
      </Section>

      <Section>
        <fieldset
          id="qualities"
          aria-describedby={
            cn("qualities-hint", errors.qualities && "qualities-error") || undefined
          }
        >
          <legend className="text-base font-semibold text-slate-900">
            What does the pain feel like?
          </legend>
          <p id="qualities-hint" className="mt-1 text-sm text-slate-600">
            Choose all that apply, or none if you have no pain.
          </p>
          <CheckboxChips
            name="qualities"
            options={qualityOptions}
            selected={values.qualities}
            onToggle={(q) => set("qualities", toggle(values.qualities, q))}
            invalid={Boolean(errors.qualities)}
            className="mt-3"
          />
          <FieldError id="qualities-error" error={errors.qualities} />
        </fieldset>
      </Section>

      <Section>
        <fieldset
          id="siteSoreness"
          aria-describedby={
            cn("siteSoreness-hint", errors.siteSoreness && "siteSoreness-error") || undefined
          }
        >
          <legend className="text-base font-semibold text-slate-900">
            Is the treated site sore today?
          </legend>
          <p id="siteSoreness-hint" className="mt-1 text-sm text-slate-600">
            Soreness, bruising or a sunburn-like feeling where the procedure was done.
          </p>
          <div className="mt-3 grid grid-cols-2 gap-2">
            {(
              [
                [true, "Yes"],
                [false, "No"],
              ] as const
            ).map(([v, label]) => (
              <RadioCard
                key={label}
                name="siteSoreness"
                checked={values.siteSoreness === v}
                onChange={() => set("siteSoreness", v)}
                invalid={Boolean(errors.siteSoreness)}
              >
                {label}
              </RadioCard>
            ))}
          </div>
          <FieldError id="siteSoreness-error" error={errors.siteSoreness} />
        </fieldset>
      </Section>

      {checkIn ? (
        <Section className="border-brand-200 bg-brand-50/40">
          <fieldset
            id="pgic"
            aria-describedby={cn("pgic-hint", errors.pgic && "pgic-error") || undefined}
          >
            <legend className="text-base font-semibold text-slate-900">
              Since your procedure, how would you describe the change in your pain?
            </legend>
            <p id="pgic-hint" className="mt-1 text-sm text-slate-600">
              Your {checkInName[checkIn.day] ?? `day-${checkIn.day}`} check-in question
              {checkIn.answered ? " (you have already answered it; you may answer again)" : ""}.
              Think of your pain, activities and how you feel overall.
            </p>
            <div className="mt-3 grid gap-2">
              {PGIC_ANSWERS.map((p) => (
                <RadioCard
                  key={p}
                  name="pgic"
                  checked={values.pgic === p}
                  onChange={() => set("pgic", p)}
                  invalid={Boolean(errors.pgic)}
                >
                  {pgicLabels[p]}
                </RadioCard>
              ))}
            </div>
            <FieldError id="pgic-error" error={errors.pgic} />
          </fieldset>
        </Section>
      ) : null}

      <Section className="space-y-4">
        <Field
          id="medication"
          label="Pain medication taken today (optional)"
          hint="For example: ibuprofen 400 mg twice."
          error={errors.medication}
        >
          <Input
            id="medication"
            name="medication"
            value={values.medication}
            maxLength={MEDICATION_MAX}
            autoComplete="off"
            onChange={(e) => set("medication", e.target.value)}
            {...describedBy("medication", { hint: true, error: errors.medication })}
          />
        </Field>
        <Field
          id="note"
          label="Note (optional)"
          hint={`Anything you want your care team to know. Up to ${NOTE_MAX.toLocaleString("en-US")} characters.`}
          error={errors.note}
        >
          <Textarea
            id="note"
            name="note"
            rows={4}
            value={values.note}
            onChange={(e) => set("note", e.target.value)}
            {...describedBy("note", { hint: true, error: errors.note })}
          />
          <p
            aria-hidden
            className={cn(
              "text-right text-xs tabular-nums",
              values.note.length > NOTE_MAX ? "font-semibold text-red-700" : "text-slate-600",
            )}
          >
            {values.note.length.toLocaleString("en-US")} / {NOTE_MAX.toLocaleString("en-US")}
          </p>
        </Field>
      </Section>

      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <ButtonLink
          href={props.mode === "add" ? "/patient" : `/patient/history/${props.entry.id}`}
          variant="secondary"
        >
          Cancel
        </ButtonLink>
        <Button type="submit" disabled={pending || queued} className="sm:min-w-48">
          {queued
            ? "Waiting to send…"
            : pending
              ? "Saving…"
              : props.mode === "add"
                ? "Save entry"
                : "Save correction"}
        </Button>
      </div>
    </form>
  );
}

function Section({ className, children }: { className?: string; children: ReactNode }) {
  return (
    <section
      className={cn("rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6", className)}
    >
      {children}
    </section>
  );
}
