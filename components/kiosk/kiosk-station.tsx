"use client";

import {
  type FormEvent,
  type ReactNode,
  type Ref,
  useCallback,
  useEffect,
  useRef,
  useState,
} from "react";
import { CheckInForm } from "@/components/diary/check-in-form";
import { formatTime } from "@/components/format";
import { errorMessage, fieldErrors } from "@/components/trpc/errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { describedBy, Field, Input } from "@/components/ui/field";
import { StepHeading } from "@/components/ui/step-heading";
import { kioskCall, stationLocked } from "./kiosk-call";
import { KioskEntryForm } from "./kiosk-entry-form";

/** Back to the start after this long without a touch or a key (SPEC 12). */
export const IDLE_MS = 60_000;
/** How long "Thank you" stays before the start. */
export const THANKS_MS = 6_000;

type Who = { firstName: string; lastName: string; dateOfBirth: string };
type Screen =
  | { s: "locked" }
  | { s: "start" }
  | { s: "mrn"; who: Who }
  | {
      s: "check_in";
      token: string;
      firstName: string;
      day: number;
      name: string;
      askPain: boolean;
    }
  | { s: "entry"; token: string; firstName: string; date: string }
  | { s: "nothing"; firstName: string }
  | { s: "thanks" };

/**
 * The clinic's check-in station (docs/decisions/039-kiosk.md). One page, one history entry: each
 * step is React state only, so Back never reaches a patient's step, and the start wipes it all
 * (every form is remounted). Nothing goes to the URL, storage or cookies from here; the patient's
 * grant lives in this component's state until the station returns to its start: after sending, or
 * after 60 s without a touch; returning there without sending ends it on the server too.
 */
export function KioskStation({
  unlocked,
  until,
  timeZone,
}: {
  unlocked: boolean;
  until: Date | null;
  timeZone: string;
}) {
  const [screen, setScreen] = useState<Screen>(unlocked ? { s: "start" } : { s: "locked" });
  const [openUntil, setOpenUntil] = useState<Date | null>(until);
  /** Raised at every return to the start: every form below is a new one, empty. */
  const [round, setRound] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  /** The patient's grant on screen now, ended on the server when the station returns to its start. */
  const grant = useRef<string | null>(null);
  useEffect(() => {
    grant.current = "token" in screen ? screen.token : null;
  }, [screen]);

  const toStart = useCallback(() => {
    if (grant.current) {
      void kioskCall("release", { token: grant.current }).catch(() => {});
      grant.current = null;
    }
    setScreen((current) => (current.s === "locked" ? current : { s: "start" }));
    setRound((n) => n + 1);
    window.getSelection()?.removeAllRanges();
    window.scrollTo(0, 0);
  }, []);
  const lockedNow = useCallback(() => {
    setScreen({ s: "locked" });
    setOpenUntil(null);
    setRound((n) => n + 1);
  }, []);

  // 60 s without a touch, a key or a scroll: back to the start, whatever was on screen.
  useEffect(() => {
    let timer = window.setTimeout(toStart, IDLE_MS);
    const again = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(toStart, IDLE_MS);
    };
    const events = ["pointerdown", "keydown", "input", "touchstart", "wheel", "scroll"] as const;
    for (const e of events) window.addEventListener(e, again, { passive: true, capture: true });
    return () => {
      window.clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, again, { capture: true });
    };
  }, [toStart]);

  // Leaving the page (Back, a reload): nothing of the patient survives in the page's memory, even
  // if the browser keeps the page to show again.
  useEffect(() => {
    const wipe = () => toStart();
    window.addEventListener("pagehide", wipe);
    window.addEventListener("pageshow", wipe);
    return () => {
      window.removeEventListener("pagehide", wipe);
      window.removeEventListener("pageshow", wipe);
    };
  }, [toStart]);

  // "Thank you" (and "nothing to do") for a few seconds, then the start.
  useEffect(() => {
    if (screen.s !== "thanks" && screen.s !== "nothing") return;
    const timer = window.setTimeout(toStart, THANKS_MS);
    return () => window.clearTimeout(timer);
  }, [screen.s, toStart]);

  // Each step's heading takes the focus, so a screen reader hears where the patient is.
  useEffect(() => {
    if (round > 0 || screen.s !== "start") heading.current?.focus();
  }, [screen.s, round]);

  /** A patient step failed because the station is locked: the lock screen. */
  const orLocked = (error: unknown) => {
    if (stationLocked(error)) lockedNow();
    return !stationLocked(error);
  };

  let body: ReactNode;
  switch (screen.s) {
    case "locked":
      body = (
        <UnlockForm
          key={round}
          headingRef={heading}
          onUnlocked={(at) => {
            setOpenUntil(at);
            setScreen({ s: "start" });
            setRound((n) => n + 1);
          }}
        />
      );
      break;
    case "start":
    case "mrn":
      body = (
        <IdentifyForm
          key={`${round}-${screen.s}`}
          headingRef={heading}
          who={screen.s === "mrn" ? screen.who : null}
          onFound={(found, who) => {
            if (found.step === "mrn") setScreen({ s: "mrn", who });
            else if (found.step === "check_in") setScreen({ s: "check_in", ...found });
            else if (found.step === "entry") setScreen({ s: "entry", ...found });
            else setScreen({ s: "nothing", firstName: found.firstName });
          }}
          onLocked={lockedNow}
          onCancel={toStart}
        />
      );
      break;
    case "check_in":
      body = (
        <div className="space-y-4">
          <div className="text-center">
            <StepHeading ref={heading} size="lg">
              {screen.firstName}, your {screen.name} check-in
            </StepHeading>
            <p className="mt-1 text-base text-slate-600">
              {screen.askPain ? "Three questions" : "One question"}, about a minute.
            </p>
          </div>
          <CheckInForm
            key={round}
            day={screen.day}
            askPain={screen.askPain}
            send={async (answer) => {
              try {
                await kioskCall("answerCheckIn", { ...answer, token: screen.token });
              } catch (error) {
                if (orLocked(error)) throw error;
                return;
              }
              setScreen({ s: "thanks" });
            }}
          />
          <StartAgain onClick={toStart} />
        </div>
      );
      break;
    case "entry":
      body = (
        <div className="space-y-4">
          <div className="text-center">
            <StepHeading ref={heading} size="lg">
              {screen.firstName}, today's diary entry
            </StepHeading>
            <p className="mt-1 text-base text-slate-600">
              No check-in is due today. Five questions about today.
            </p>
          </div>
          <KioskEntryForm
            key={round}
            date={screen.date}
            send={async (entry) => {
              try {
                await kioskCall("addEntry", { ...entry, token: screen.token });
              } catch (error) {
                if (orLocked(error)) throw error;
                return;
              }
              setScreen({ s: "thanks" });
            }}
          />
          <StartAgain onClick={toStart} />
        </div>
      );
      break;
    case "nothing":
      body = (
        <div className="space-y-4 text-center">
          <StepHeading ref={heading} size="lg">
            Nothing to fill in today
          </StepHeading>
          <Alert tone="success" role="status" className="text-base">
            Thank you, {screen.firstName}: your check-in and today's entry are up to date.
          </Alert>
          <Button className="w-full" onClick={toStart}>
            Done
          </Button>
        </div>
      );
      break;
    case "thanks":
      body = (
        <div className="space-y-4 text-center">
          <StepHeading ref={heading} size="lg">
            Thank you
          </StepHeading>
          <Alert tone="success" role="status" className="text-base">
            Your answers are sent: your care team sees them. The station is ready for the next
            person.
          </Alert>
          <Button className="w-full" onClick={toStart}>
            Done
          </Button>
        </div>
      );
      break;
  }

  return (
    <div className={cn("mx-auto space-y-6", screen.s !== "entry" && "max-w-lg")}>
      {body}
      {screen.s === "start" ? (
        <div className="flex flex-col items-center gap-2 border-t border-slate-200 pt-4 text-center">
          {openUntil ? (
            <p className="text-sm text-slate-600">
              Station unlocked until {formatTime(openUntil, timeZone)}.
            </p>
          ) : null}
          <Button
            variant="secondary"
            size="sm"
            onClick={async () => {
              await kioskCall("lock", undefined).catch(() => null);
              lockedNow();
            }}
          >
            Lock station
          </Button>
        </div>
      ) : null}
    </div>
  );
}

/** Leaves a patient's step for the start (nothing is sent). */
function StartAgain({ onClick }: { onClick: () => void }) {
  return (
    <div className="text-center">
      <Button variant="ghost" onClick={onClick}>
        Not you? Start again
      </Button>
    </div>
  );
}

/** A staff member unlocks the station: email, password, and the code when one is asked. */
function UnlockForm({
  headingRef,
  onUnlocked,
}: {
  headingRef: Ref<HTMLHeadingElement>;
  onUnlocked: (until: Date) => void;
}) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [askCode, setAskCode] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [codeError, setCodeError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setCodeError(null);
    if (!email || !password) return setError("Enter your email and password.");
    if (askCode && !code.trim()) return setCodeError("Enter the code.");
    setPending(true);
    try {
      const result = await kioskCall("unlock", {
        email,
        password,
        ...(askCode ? { code } : {}),
      });
      if (result.status === "code") {
        setAskCode(true);
        setPending(false);
        return;
      }
      setPassword("");
      onUnlocked(result.until);
    } catch (e) {
      const field = fieldErrors(e).code;
      if (field) setCodeError(field);
      else setError(errorMessage(e));
      setPending(false);
    }
  }

  return (
    <div className="space-y-4">
      <div className="text-center">
        <StepHeading ref={headingRef} size="lg">
          Check-in station
        </StepHeading>
        <p className="mt-1 text-base text-slate-600">
          For clinic staff: sign in to open this tablet for patients' check-ins. It stays open for
          the working day; it does not sign you in to the portal.
        </p>
      </div>
      <form
        onSubmit={onSubmit}
        noValidate
        autoComplete="off"
        className="space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
      >
        {error ? (
          <Alert tone="danger" role="alert">
            {error}
          </Alert>
        ) : null}
        <Field id="unlock-email" label="Email">
          <Input
            id="unlock-email"
            type="email"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </Field>
        <Field id="unlock-password" label="Password">
          <Input
            id="unlock-password"
            type="password"
            autoComplete="off"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Field>
        {askCode ? (
          <Field
            id="unlock-code"
            label="Authentication code"
            hint="The 6-digit code your authenticator app shows now, or a recovery code."
            error={codeError}
          >
            <Input
              id="unlock-code"
              inputMode="numeric"
              autoComplete="one-time-code"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              {...describedBy("unlock-code", { hint: true, error: codeError })}
            />
          </Field>
        ) : null}
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? "Checking…" : "Unlock station"}
        </Button>
      </form>
    </div>
  );
}

type Found = Awaited<ReturnType<typeof kioskCall<"identify">>>;

/** The patient says who they are: name and date of birth; the MRN's last 4 when two match. */
function IdentifyForm({
  headingRef,
  who,
  onFound,
  onLocked,
  onCancel,
}: {
  headingRef: Ref<HTMLHeadingElement>;
  /** Set when the MRN's last 4 is asked: the name and date of birth already given. */
  who: Who | null;
  onFound: (found: Found, who: Who) => void;
  onLocked: () => void;
  onCancel: () => void;
}) {
  const [firstName, setFirstName] = useState("");
  const [lastName, setLastName] = useState("");
  const [dateOfBirth, setDateOfBirth] = useState("");
  const [mrn, setMrn] = useState("");
  const [errors, setErrors] = useState<Partial<Record<keyof Who | "mrnLastFour", string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const given: Who = who ?? { firstName, lastName, dateOfBirth };
    const found: typeof errors = {};
    if (!who) {
      if (!firstName.trim()) found.firstName = "Enter your first name.";
      if (!lastName.trim()) found.lastName = "Enter your last name.";
      if (!dateOfBirth) found.dateOfBirth = "Enter your date of birth.";
    } else if (!/^[A-Za-z0-9]{4}$/.test(mrn.trim())) {
      found.mrnLastFour = "Enter the last 4 characters of your record number.";
    }
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) return;
    setPending(true);
    try {
      const result = await kioskCall("identify", {
        ...given,
        ...(who ? { mrnLastFour: mrn.trim() } : {}),
      });
      onFound(result, given);
    } catch (error) {
      setPending(false);
      if (stationLocked(error)) return onLocked();
      const byField = fieldErrors(error);
      if (Object.values(byField).some(Boolean)) setErrors(byField);
      else setFormError(errorMessage(error));
    }
  }

  return (
    <div className="space-y-4">
      <div className="text-center">
        <StepHeading ref={headingRef} size="lg">
          {who ? "One more detail" : "Welcome: check in here"}
        </StepHeading>
        <p className="mt-1 text-base text-slate-600">
          {who
            ? "More than one person has that name and date of birth. The last 4 characters of your record number tell you apart; the front desk can tell you them."
            : "Tell us who you are to answer your check-in or today's diary entry."}
        </p>
      </div>
      <form
        onSubmit={onSubmit}
        noValidate
        autoComplete="off"
        className="space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
      >
        {formError ? (
          <Alert tone="warning" role="alert" className="text-base">
            {formError}
          </Alert>
        ) : null}
        {who ? (
          <Field id="mrnLastFour" label="Last 4 of your record number" error={errors.mrnLastFour}>
            <Input
              id="mrnLastFour"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={4}
              value={mrn}
              onChange={(e) => setMrn(e.target.value)}
              {...describedBy("mrnLastFour", { error: errors.mrnLastFour })}
            />
          </Field>
        ) : (
          <>
            <Field id="firstName" label="First name" error={errors.firstName}>
              <Input
                id="firstName"
                autoComplete="off"
                spellCheck={false}
                value={firstName}
                onChange={(e) => setFirstName(e.target.value)}
                {...describedBy("firstName", { error: errors.firstName })}
              />
            </Field>
            <Field id="lastName" label="Last name" error={errors.lastName}>
              <Input
                id="lastName"
                autoComplete="off"
                spellCheck={false}
                value={lastName}
                onChange={(e) => setLastName(e.target.value)}
                {...describedBy("lastName", { error: errors.lastName })}
              />
            </Field>
            <Field id="dateOfBirth" label="Date of birth" error={errors.dateOfBirth}>
              <Input
                id="dateOfBirth"
                type="date"
                min="1900-01-01"
                autoComplete="off"
                value={dateOfBirth}
                onChange={(e) => setDateOfBirth(e.target.value)}
                {...describedBy("dateOfBirth", { error: errors.dateOfBirth })}
              />
            </Field>
          </>
        )}
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? "Looking…" : "Continue"}
        </Button>
      </form>
      {who ? <StartAgain onClick={onCancel} /> : null}
    </div>
  );
}
