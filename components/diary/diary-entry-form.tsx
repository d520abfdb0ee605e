"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, type KeyboardEvent, useEffect, useState } from "react";
import { errorMessage, fieldErrors } from "@/components/trpc/errors";
import { mutate } from "@/components/trpc/mutate";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { flash } from "@/components/ui/flash";
import { entryProblems } from "@/shared/diary-rules";
import { newClientId } from "./client-id";
import { readDraft, saveDraft, sendOrKeep, usePendingEntries } from "./device-store";
import { CheckInSection } from "./entry-form/check-in-section";
import { DateSection } from "./entry-form/date-section";
import { LocationsSection } from "./entry-form/locations-section";
import { NotesSection } from "./entry-form/notes-section";
import { QualitiesSection } from "./entry-form/qualities-section";
import { ScoreSections } from "./entry-form/score-sections";
import { SiteSorenessSection } from "./entry-form/site-soreness-section";
import {
  type Errors,
  FIELD_ORDER,
  type FieldName,
  initialValues,
  toggle,
  type Values,
} from "./entry-form/values";
import { useDeviceUser } from "./pending-entries";
import type { CheckInQuestion, DiaryEntry, FormDay } from "./types";

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

/**
 * The diary entry form (docs/clinical-rules.md#check-ins), for a new entry or a correction. Mobile
 * first; every question is a labelled control; errors are shown per field and summarised at the
 * top.
 */
export function DiaryEntryForm(props: DiaryEntryFormProps) {
  const router = useRouter();
  // One id per form: a double click or a retry sends the same one, and the server stores it once.
  const [clientId, setClientId] = useState(newClientId);
  const [values, setValues] = useState<Values>(() =>
    initialValues(props.mode === "add" ? { entryDate: props.initialDate } : props.entry),
  );
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
    if (checkIn && !values.pgic) {
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
    <form
      onSubmit={onSubmit}
      onKeyDown={keepEnterInField}
      noValidate
      className="space-y-4"
      aria-describedby="form-required"
    >
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

      <DateSection
        entryDate={values.entryDate}
        choice={props.mode === "add" ? { days: props.days, today: props.today } : undefined}
        selectedDay={selectedDay}
        error={errors.entryDate}
        onChange={(date) => {
          set("entryDate", date);
          setErrors((er) => ({ ...er, entryDate: undefined }));
        }}
      />
      {/* A due check-in's question comes first: the home page's check-in card opens here. */}
      {checkIn ? (
        <CheckInSection
          checkIn={checkIn}
          value={values.pgic}
          error={errors.pgic}
          onChange={(p) => set("pgic", p)}
        />
      ) : null}
      <ScoreSections values={values} errors={errors} set={set} />
      <LocationsSection
        selected={values.locations}
        error={errors.locations}
        onToggle={(r) => set("locations", toggle(values.locations, r))}
      />
      <QualitiesSection
        selected={values.qualities}
        error={errors.qualities}
        onToggle={(q) => set("qualities", toggle(values.qualities, q))}
      />
      <SiteSorenessSection
        value={values.siteSoreness}
        error={errors.siteSoreness}
        onChange={(v) => set("siteSoreness", v)}
      />
      <NotesSection values={values} errors={errors} set={set} />

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

/** Enter in a one-line field (the medication) does not send the half-filled diary. */
const keepEnterInField = (e: KeyboardEvent<HTMLFormElement>) =>
  e.key === "Enter" && (e.target as HTMLInputElement).type === "text" && e.preventDefault();
