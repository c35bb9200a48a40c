/** Under a role picker that lists one page of roles: says so when the caller has more. */
export function RolePickerNote({ shown, total }: { shown: number; total: number }) {
  if (total <= shown) return null;
  return (
    <p className="hint small">
      Lists your newest {shown.toLocaleString()} of {total.toLocaleString()} roles.
    </p>
  );
}
