import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

const markdown = new Marked({ gfm: true });

// What pack instructions may use: text structure, tables, code and web links. Nothing else
// survives, so a pack (or an edited instructions file) can never put script or styles in the
// candidate's page.
const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: [
    "h2",
    "h3",
    "h4",
    "h5",
    "p",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "code",
    "pre",
    "blockquote",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "a",
    "hr",
    "br",
  ],
  allowedAttributes: {
    a: ["href", "rel", "target"],
    th: ["align"],
    td: ["align"],
    pre: ["tabindex"],
  },
  allowedSchemes: ["http", "https"],
  allowProtocolRelative: false,
  transformTags: {
    // The page has its own h1, so instruction headings start one level below it.
    h1: "h2",
    h2: "h3",
    h3: "h4",
    h4: "h5",
    // A code block scrolls sideways on a phone; keyboard users must be able to reach it too.
    pre: (tagName) => ({ tagName, attribs: { tabindex: "0" } }),
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, rel: "noreferrer noopener", target: "_blank" },
    }),
  },
};

/**
 * A pack's Markdown instructions as safe HTML, rendered once on the server so the candidate's
 * page ships no Markdown parser (see ARCHITECTURE.md, "The web app": the portal's JS budget).
 */
export function renderInstructionsHtml(source: string): string {
  const html = markdown.parse(source, { async: false });
  return sanitizeHtml(html, ALLOWED);
}
