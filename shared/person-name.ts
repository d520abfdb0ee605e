// How the clinic's kiosk matches a name a patient types to the name on their account
// (docs/decisions/039-kiosk.md): case, accents, spacing and punctuation do not matter, and a
// middle name on the account may be left out. Pure: the kiosk's service and its tests use it.

/** "  José  O'Brien-Smith " -> "jose o brien smith". */
export function normaliseName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * Whether a typed first and last name are the account's `name`: the whole name, the same letters
 * without the spaces ("OBrien" for "O'Brien"), or its first and last words with middle names left
 * out ("Mary Smith" for "Mary Ann Smith").
 */
export function nameMatches(accountName: string, first: string, last: string): boolean {
  const name = normaliseName(accountName);
  const f = normaliseName(first);
  const l = normaliseName(last);
  if (!f || !l || !name) return false;
  const typed = `${f} ${l}`;
  if (name === typed) return true;
  if (name.replace(/ /g, "") === typed.replace(/ /g, "")) return true;
  return name.startsWith(`${f} `) && name.endsWith(` ${l}`);
}

/** The last four letters or digits of an MRN, lower-cased ("MRN-00-1234" -> "1234"). */
export function mrnLastFour(mrn: string): string {
  return mrn
    .replace(/[^A-Za-z0-9]/g, "")
    .slice(-4)
    .toLowerCase();
}
