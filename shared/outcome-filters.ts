// The outcome pages' filters as kept in the address (the pages, the CSV export and the router's
// input schema read them the same way).

/**
 * How the outcome tables may be grouped: technique is the modality with radiofrequency split by
 * its variant; target set, the procedure's targets (docs/clinical-rules.md#technique).
 */
export const OUTCOME_GROUPS = ["modality", "technique", "region", "targets", "provider"] as const;

/** The grouping's name, as the outcome pages offer it. */
export const outcomeGroupLabels: Record<(typeof OUTCOME_GROUPS)[number], string> = {
  modality: "Modality",
  technique: "Technique (RF variant)",
  region: "Region",
  targets: "Target set",
  provider: "Performed by",
};

/** The outcome filters, as the pages keep them in the address. */
export const OUTCOME_FILTER_KEYS = [
  "from",
  "to",
  "modality",
  "region",
  "providerId",
  "groupBy",
] as const;

/** The filters as given in an address: the known keys, single non-empty values only. */
export function outcomeFilters(
  params: Partial<Record<string, string | string[] | undefined>>,
): Partial<Record<(typeof OUTCOME_FILTER_KEYS)[number], string>> {
  return Object.fromEntries(
    OUTCOME_FILTER_KEYS.flatMap((k) => {
      const v = params[k];
      return typeof v === "string" && v ? [[k, v.slice(0, 100)]] : [];
    }),
  );
}
