/**
 * What an audit event changed, in words, for the CSV export: `name: "Old" → "New"; status: "active"`.
 * Long values are shortened so one event stays one readable cell.
 */

const MAX_VALUE = 120;
const SKIPPED_KEYS = new Set(["id", "createdAt", "updatedAt"]);

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

export function formatAuditValue(value: unknown): string {
  if (value === null || value === undefined) return "—";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

export function describeChanges(before: unknown, after: unknown): string {
  const b = asRecord(before);
  const a = asRecord(after);
  if (b && a) {
    return [...new Set([...Object.keys(b), ...Object.keys(a)])]
      .filter((key) => JSON.stringify(b[key]) !== JSON.stringify(a[key]))
      .map((key) => `${key}: ${formatAuditValue(b[key])} → ${formatAuditValue(a[key])}`)
      .join("; ");
  }
  const only = a ?? b;
  if (!only) return "";
  return Object.entries(only)
    .filter(([key]) => !SKIPPED_KEYS.has(key))
    .map(([key, value]) => `${key}: ${formatAuditValue(value)}`)
    .join("; ");
}
