// The outcome pages' filters as kept in the address (the pages, the CSV export and the router's
// input schema read them the same way).

/** How the outcome tables may be grouped. */
export const OUTCOME_GROUPS = ["modality", "region", "provider"] as const;

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
