export type TMentionable = { id: string; name: string; email: string };

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}_.-]/u.test(c);

/**
 * The colleagues a note mentions: `@` then a person's full name or the part of their e-mail before
 * the `@`, case aside, not running on into a longer word. Longer names are tried first, so
 * "@Ana Lima" names Ana Lima rather than a colleague called Ana.
 */
export function findMentions(body: string, people: readonly TMentionable[]): string[] {
  const text = body.toLocaleLowerCase();
  const handles = people
    .flatMap((p) => [
      { id: p.id, handle: p.name.trim().toLocaleLowerCase() },
      { id: p.id, handle: (p.email.split("@")[0] ?? "").toLocaleLowerCase() },
    ])
    .filter((h) => h.handle.length > 0)
    .sort((a, b) => b.handle.length - a.handle.length);
  const found = new Set<string>();
  for (let at = text.indexOf("@"); at !== -1; at = text.indexOf("@", at + 1)) {
    // An e-mail address written out ("ana@example.org") is not a mention.
    if (isWordChar(text[at - 1])) continue;
    const hit = handles.find(
      (h) => text.startsWith(h.handle, at + 1) && !isWordChar(text[at + 1 + h.handle.length]),
    );
    if (hit) found.add(hit.id);
  }
  return [...found];
}
