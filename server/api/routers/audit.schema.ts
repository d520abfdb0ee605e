import { z } from "zod";
import { dateText, searchText } from "@/shared/text";

/** The filter fields, as named in the audit page's query string and the export URL. */
export const AUDIT_FILTER_KEYS = ["person", "patient", "action", "outcome", "from", "to"] as const;

const Day = dateText("Enter a date as YYYY-MM-DD.");

export const AuditFiltersInput = z
  .object({
    person: searchText(),
    patient: searchText(),
    action: searchText(100, "Choose an action from the list."),
    outcome: z
      .enum(["success", "failure", "denied"], { error: "Choose success, failure or denied." })
      .optional(),
    from: Day.optional(),
    to: Day.optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    path: ["to"],
    message: "The end date must be on or after the start date.",
  });

export const ListAuditInput = z.intersection(
  AuditFiltersInput,
  z.object({
    page: z.number().int().min(1).max(10_000).default(1),
    pageSize: z.number().int().min(1).max(200).default(50),
  }),
);
