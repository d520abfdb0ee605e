"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { zoneWords } from "@/components/format";
import { errorMessage, useTRPC } from "@/components/trpc/react";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { QUIET_FROM_HOUR, QUIET_UNTIL_HOUR, sendingHour } from "@/server/outcomes/reminders";

type Preferences = {
  reminderHour: number;
  checkInDue: boolean;
  diaryLapsed: boolean;
  dailyDiary: boolean;
  highFlagEmail: boolean;
  dailyDigest: boolean;
  replyEmail: boolean;
  patientMessageEmail: boolean;
};
type Key = Exclude<keyof Preferences, "reminderHour">;

const PATIENT: Array<{ key: Key; label: string; hint: string }> = [
  {
    key: "checkInDue",
    label: "A check-in is waiting",
    hint: "When your care team's questions are due (a few times in the first year).",
  },
  {
    key: "diaryLapsed",
    label: "My diary has gone quiet",
    hint: "After 3 days without an entry in the first six weeks, 7 days later on.",
  },
  { key: "dailyDiary", label: "Every day", hint: "A daily reminder to add the day's entry." },
];
/** The patient's switch for replies (docs/decisions/020-messages.md), apart from the reminders. */
const REPLY = {
  key: "replyEmail",
  label: "Email me when my care team replies",
  hint: "The email only says that there is a reply; you read it in the portal.",
} as const;
const STAFF: Array<{ key: Key; label: string; hint: string }> = [
  {
    key: "highFlagEmail",
    label: "A high-priority flag is raised",
    hint: "An email at once when one of your patients gets a high flag.",
  },
  {
    key: "patientMessageEmail",
    label: "A patient sends a message",
    hint: "An email at once when one of your patients reports a change or writes; it never includes their words.",
  },
  {
    key: "dailyDigest",
    label: "Daily summary",
    hint: "One email each morning with how many patients need review.",
  },
];

const hourLabel = (h: number) => `${String(h).padStart(2, "0")}:00`;

export function PreferencesForm({
  preferences,
  patient,
  timeZone,
}: {
  preferences: Preferences;
  patient: boolean;
  timeZone: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const update = useMutation(trpc.notifications.updatePreferences.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  const options = patient ? PATIENT : STAFF;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input: Partial<Preferences> = Object.fromEntries(
      (patient ? [...options, REPLY] : options).map((o) => [o.key, form.get(o.key) === "on"]),
    );
    if (patient) input.reminderHour = Number(form.get("reminderHour"));
    try {
      await update.mutateAsync(input);
      setError(null);
      toast.success("Your email choices are saved.");
      router.refresh();
    } catch (e) {
      setError(errorMessage(e));
      toast.error(errorMessage(e));
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <fieldset>
        <legend className="font-medium text-slate-900">
          {patient ? "Email me a reminder when" : "Email me when"}
        </legend>
        <div className="mt-3 space-y-3">
          {options.map((o) => (
            <Switch key={o.key} option={o} checked={preferences[o.key]} />
          ))}
        </div>
      </fieldset>
      {patient ? (
        <Field
          id="reminderHour"
          label="At what time"
          hint={`At most one reminder a day, at this hour (${zoneWords(timeZone)}); never at night, from ${hourLabel(QUIET_FROM_HOUR)} to ${hourLabel(QUIET_UNTIL_HOUR)}.`}
        >
          <Select
            id="reminderHour"
            name="reminderHour"
            defaultValue={String(sendingHour(preferences.reminderHour))}
            aria-describedby="reminderHour-hint"
            className="max-w-40"
          >
            {Array.from({ length: QUIET_FROM_HOUR - QUIET_UNTIL_HOUR }, (_, i) => {
              const h = QUIET_UNTIL_HOUR + i;
              return (
                <option key={hourLabel(h)} value={h}>
                  {hourLabel(h)}
                </option>
              );
            })}
          </Select>
        </Field>
      ) : null}
      {patient ? (
        <fieldset>
          <legend className="font-medium text-slate-900">Messages</legend>
          <div className="mt-3">
            <Switch option={REPLY} checked={preferences.replyEmail} />
          </div>
        </fieldset>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <Button type="submit" disabled={update.isPending}>
        {update.isPending ? "Saving…" : "Save email choices"}
      </Button>
    </form>
  );
}

function Switch({
  option,
  checked,
}: {
  option: { key: Key; label: string; hint: string };
  checked: boolean;
}) {
  return (
    <label className="flex cursor-pointer gap-3">
      <input
        type="checkbox"
        name={option.key}
        defaultChecked={checked}
        aria-describedby={`${option.key}-hint`}
        className="mt-1 size-4 accent-brand-700"
      />
      <span>
        <span className="block text-slate-900">{option.label}</span>
        <span id={`${option.key}-hint`} className="block text-sm text-slate-600">
          {option.hint}
        </span>
      </span>
    </label>
  );
}
