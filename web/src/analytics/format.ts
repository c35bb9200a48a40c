/** Number formats shared by the analytics tables. */
export const percent = (share: number | null | undefined) =>
  share === null || share === undefined ? "—" : `${Math.round(share * 100)}%`;

export const fixed = (value: number | null | undefined, digits = 2) =>
  value === null || value === undefined ? "—" : value.toFixed(digits);

/** Signed, for differences from the panel: +0.62, −0.40. */
export const signed = (value: number | null | undefined, digits = 2) =>
  value === null || value === undefined
    ? "—"
    : `${value > 0 ? "+" : value < 0 ? "−" : ""}${Math.abs(value).toFixed(digits)}`;

/** Durations stored in hours, shown in the unit a person would say. */
export function duration(hours: number | null | undefined): string {
  if (hours === null || hours === undefined) return "—";
  if (hours < 48) return `${Math.round(hours)} h`;
  return `${(hours / 24).toFixed(1)} days`;
}

export const days = (value: number | null | undefined) =>
  value === null || value === undefined ? "—" : `${value.toFixed(1)} days`;

export const interval = (low: number | null, high: number | null, format = fixed) =>
  low === null || high === null ? "—" : `${format(low)} to ${format(high)}`;

export const BAND_LABELS = {
  reliable: "Reliable",
  tentative: "Tentative",
  unreliable: "Do not rely on it",
} as const;
