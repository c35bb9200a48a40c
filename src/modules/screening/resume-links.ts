/**
 * Finds links in résumé text and says what they are. A "portfolio" is a personal site: a link
 * labelled as such ("Portfolio:", "Website:", "Blog"), a personal-site host (GitHub Pages, Netlify,
 * Vercel, a .dev/.me/.page domain), or an unknown site listed in the contact header.
 */

export type TLinkKind =
  | "github"
  | "gitlab"
  | "bitbucket"
  | "linkedin"
  | "stackoverflow"
  | "social"
  | "portfolio"
  | "other";

export type TResumeLink = {
  kind: TLinkKind;
  /** Normalised to https://… */
  url: string;
  start: number;
  end: number;
};

const TLDS =
  "com|dev|io|me|org|net|app|co|tech|site|page|codes|blog|info|xyz|name|ai|sh|so|uk|de|fr|nl|pl|es|it|ch|at|se|no|dk|fi|cz|pt|ie|ca|au|in|eu|us|ua|ro|hu|gr|br";
const URL_WITH_SCHEME = /\bhttps?:\/\/[^\s<>"'|,()[\]{}]+/gi;
const URL_WITH_WWW = /(?<![\w@./-])www\.[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:\/[^\s<>"'|,()[\]{}]*)?/gi;
const BARE_DOMAIN = new RegExp(
  `(?<![\\w@./:-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.){1,6}(?:${TLDS})(?![\\w@-])(?:/[^\\s<>"'|,()[\\]{}]*)?`,
  "gi",
);
// "GitHub: jdoe" or "github — jdoe" names a profile without writing the URL.
const GITHUB_HANDLE = /\bgithub\s*(?::|-|–|—|\|)\s*@?([a-z0-9](?:[a-z0-9-]{0,38}))(?![\w./-])/gi;

// Technology names that look like domains.
const NOT_LINKS = new Set([
  "socket.io",
  "asp.net",
  "ado.net",
  "vb.net",
  "node.io",
  "vue.js",
  "chart.io",
]);
const PERSONAL_SITE_HOSTS =
  /(?:\.github\.io|\.gitlab\.io|\.netlify\.app|\.vercel\.app|\.pages\.dev|\.herokuapp\.com|\.fly\.dev|\.onrender\.com|\.carrd\.co|\.notion\.site)$/;
const PERSONAL_TLDS = /\.(?:dev|me|page|name|codes|site|blog)$/;
const PORTFOLIO_LABEL =
  /\b(?:portfolio|website|web\s*site|homepage|home\s*page|personal\s+site|blog|site|web)\s*[:\-–—|]?\s*$/i;
const SOCIAL_HOSTS =
  /^(?:twitter\.com|x\.com|mastodon\.social|fosstodon\.org|bsky\.app|instagram\.com|facebook\.com|medium\.com|dev\.to|youtube\.com)$/;
// A résumé has a handful; the cap keeps the overlap checks cheap on adversarial text.
const MAX_LINKS = 100;
const TRAILING_PUNCTUATION = /[.,;:!?'")\]}>]+$/;
// Without headings, the contact block is taken to be the first lines; an unlabelled site there is the candidate's own.
const HEADER_LENGTH = 400;

/** `headerEnd`: where the contact block ends (the first section heading), if known. */
export function extractLinks(
  text: string,
  headerEnd = Math.min(text.length, HEADER_LENGTH),
): TResumeLink[] {
  const links: TResumeLink[] = [];
  const taken: [number, number][] = [];
  const overlaps = (start: number, end: number): boolean =>
    taken.some(([s, e]) => start < e && end > s);
  for (const pattern of [URL_WITH_SCHEME, URL_WITH_WWW, BARE_DOMAIN]) {
    for (const match of text.matchAll(pattern)) {
      if (links.length >= MAX_LINKS) break;
      const raw = match[0].replace(TRAILING_PUNCTUATION, "");
      const start = match.index;
      const end = start + raw.length;
      if (overlaps(start, end) || NOT_LINKS.has(raw.toLowerCase())) continue;
      const url = normalizeUrl(raw);
      if (url === undefined) continue;
      taken.push([start, end]);
      links.push({ kind: classifyLink(url, text, start, headerEnd), url, start, end });
    }
  }
  for (const match of text.matchAll(GITHUB_HANDLE)) {
    const handle = match[1] ?? "";
    const start = match.index;
    const end = start + match[0].length;
    if (overlaps(start, end) || handle.length === 0 || links.length >= MAX_LINKS) continue;
    taken.push([start, end]);
    links.push({ kind: "github", url: `https://github.com/${handle}`, start, end });
  }
  return dedupeByUrl(links.sort((a, b) => a.start - b.start));
}

function normalizeUrl(raw: string): string | undefined {
  const withScheme = /^https?:\/\//i.test(raw) ? raw : `https://${raw}`;
  try {
    const url = new URL(withScheme);
    if (!url.hostname.includes(".")) return undefined;
    return url.toString().replace(/\/$/, "");
  } catch {
    return undefined;
  }
}

function dedupeByUrl(links: readonly TResumeLink[]): TResumeLink[] {
  const seen = new Set<string>();
  return links.filter((link) => {
    const key = link.url.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function classifyLink(
  url: string,
  text: string,
  start: number,
  headerEnd: number,
): TLinkKind {
  const host = new URL(url).hostname.toLowerCase().replace(/^www\./, "");
  if (host === "github.com" || host === "gist.github.com") return "github";
  if (host === "gitlab.com") return "gitlab";
  if (host === "bitbucket.org") return "bitbucket";
  if (host === "linkedin.com" || host.endsWith(".linkedin.com")) return "linkedin";
  if (host === "stackoverflow.com" || host.endsWith(".stackexchange.com")) return "stackoverflow";
  if (SOCIAL_HOSTS.test(host)) return "social";
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const labelled = PORTFOLIO_LABEL.test(text.slice(lineStart, start));
  if (labelled || PERSONAL_SITE_HOSTS.test(host) || PERSONAL_TLDS.test(host) || start < headerEnd)
    return "portfolio";
  return "other";
}
