"use client";

import { YesNoQuestion } from "./yes-no-question";

/** Whether the treated site is sore today: yes or no. */
export function SiteSorenessSection({
  value,
  error,
  onChange,
}: {
  value: boolean | null;
  error?: string;
  onChange: (sore: boolean) => void;
}) {
  return (
    <YesNoQuestion
      id="siteSoreness"
      legend="Is the treated site sore today?"
      hint="Soreness, bruising or a sunburn-like feeling where the procedure was done."
      value={value}
      error={error}
      onChange={onChange}
    />
  );
}
