// The diary's vocabularies (docs/clinical-rules.md#vocabularies) as plain lists, without zod: the diary form and its
// rules import these from here, so that the form's JavaScript carries only the words it shows
// (decision 019). vocab-lists.ts gathers them with the other lists.

export const REGIONS = [
  "cervical",
  "thoracic",
  "lumbar",
  "sacroiliac",
  "knee",
  "hip",
  "shoulder",
  "other",
] as const;
export type Region = (typeof REGIONS)[number];

export const regionLabels: Record<Region, string> = {
  cervical: "Cervical spine",
  thoracic: "Thoracic spine",
  lumbar: "Lumbar spine",
  sacroiliac: "Sacroiliac joint",
  knee: "Knee",
  hip: "Hip",
  shoulder: "Shoulder",
  other: "Other",
};

/** A side of the body (docs/clinical-rules.md#locations-and-sides). */
export const SIDES = ["left", "right"] as const;
export type Side = (typeof SIDES)[number];

export const sideLabels: Record<Side, string> = { left: "Left", right: "Right" };

/** The regions whose side the body map and the procedure form ask for. */
export const SIDED_REGIONS = [
  "sacroiliac",
  "knee",
  "hip",
  "shoulder",
] as const satisfies readonly Region[];

/**
 * Where it hurts: a region, or a region with a side (`knee:right`). A plain region has no known
 * side (entries stored before sides existed keep that meaning).
 */
export type Location = Region | `${Region}:${Side}`;

export const LOCATIONS: readonly Location[] = REGIONS.flatMap((r): Location[] => [
  r,
  `${r}:left`,
  `${r}:right`,
]);

/** A location's region and side (null: no side). */
export function parseLocation(location: Location): { region: Region; side: Side | null } {
  const [region, side] = location.split(":") as [Region, Side | undefined];
  return { region, side: side ?? null };
}

/** The location of a region on a side (null: no side). */
export const locationOf = (region: Region, side: Side | null): Location =>
  side === null ? region : `${region}:${side}`;

/** "Left knee", "Right sacroiliac joint", "Knee"; "Other (left)". */
export function locationLabel(location: Location): string {
  const { region, side } = parseLocation(location);
  if (side === null) return regionLabels[region];
  if (region === "other") return `${regionLabels.other} (${side})`;
  return `${sideLabels[side]} ${regionLabels[region].toLowerCase()}`;
}

export const QUALITIES = [
  "aching",
  "sharp",
  "throbbing",
  "stabbing",
  "burning",
  "tingling",
  "pins_and_needles",
  "numbness",
  "electric_shocks",
  "painful_cold",
  "itching",
] as const;
export type Quality = (typeof QUALITIES)[number];

export const qualityLabels: Record<Quality, string> = {
  aching: "Aching",
  sharp: "Sharp",
  throbbing: "Throbbing",
  stabbing: "Stabbing",
  burning: "Burning",
  tingling: "Tingling",
  pins_and_needles: "Pins and needles",
  numbness: "Numbness",
  electric_shocks: "Electric shocks",
  painful_cold: "Painful cold",
  itching: "Itching",
};

// docs/clinical-rules.md#check-ins: Patient Global Impression of Change, 7 points.
export const PGIC_ANSWERS = [
  "very_much_improved",
  "much_improved",
  "minimally_improved",
  "no_change",
  "minimally_worse",
  "much_worse",
  "very_much_worse",
] as const;
export type Pgic = (typeof PGIC_ANSWERS)[number];

export const pgicLabels: Record<Pgic, string> = {
  very_much_improved: "Very much improved",
  much_improved: "Much improved",
  minimally_improved: "Minimally improved",
  no_change: "No change",
  minimally_worse: "Minimally worse",
  much_worse: "Much worse",
  very_much_worse: "Very much worse",
};

const SIDED: readonly Region[] = SIDED_REGIONS;

/**
 * The locations a patient or provider chooses from: a sided region twice ("Right knee", "Left
 * knee"; both sides are two choices), any other region once. Plain sided regions ("knee") stay
 * valid for entries stored before sides existed, and are shown only when already chosen.
 */
export const LOCATION_CHOICES: readonly Location[] = [
  // The regions without a side first, then each sided one as a pair (right, then left, as the
  // front view of the body map shows them), so that pairs line up in a grid of 2 or 4 columns.
  ...REGIONS.filter((r) => !SIDED.includes(r)),
  ...SIDED.flatMap((r): Location[] => [`${r}:right`, `${r}:left`]),
];

/** The choices to show for a selection: the usual ones, and any older plain location it holds. */
export const locationChoicesFor = (selected: readonly Location[]): Location[] => [
  ...LOCATION_CHOICES,
  ...selected.filter((l) => !LOCATION_CHOICES.includes(l)),
];

/** Is this text a location code (`knee`, `knee:left`)? */
export const isLocation = (value: string): value is Location =>
  (LOCATIONS as readonly string[]).includes(value);
