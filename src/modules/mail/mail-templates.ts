import { AppError } from "../../errors.js";
import type { TMailKind } from "../../db/schema/index.js";

/** A template as an admin writes it: plain text with `{{placeholder}}`s, in subject and body. */
export type TMailTemplate = { subject: string; body: string };
export type TRenderedMail = { subject: string; text: string; html: string };

type TKindInfo = {
  label: string;
  /** Every placeholder this kind fills, with an example the preview uses. */
  placeholders: Record<string, string>;
  defaults: TMailTemplate;
};

// Placeholders that hold a URL become links in the HTML part.
const LINK_PLACEHOLDERS = new Set(["link"]);

const EXAMPLE_LINK = "https://hiring.example.com/…";

/** The kinds of mail, their placeholders and our default wording. One owner for all of it. */
export const MAIL_KIND_INFO: Record<TMailKind, TKindInfo> = {
  team_invite: {
    label: "Team invite",
    placeholders: {
      inviteeName: "Ada Lovelace",
      inviterName: "Grace Hopper",
      role: "interviewer",
      link: EXAMPLE_LINK,
      expiresAt: "10 December 2026",
    },
    defaults: {
      subject: "{{inviterName}} invited you to Shortlist",
      body:
        "Hello {{inviteeName}},\n\n{{inviterName}} has invited you to join the hiring team on " +
        "Shortlist as {{role}}.\n\nChoose a password and sign in here:\n{{link}}\n\n" +
        "The link works until {{expiresAt}}. If you did not expect this, you can ignore it.",
    },
  },
  assessment_link: {
    label: "Assessment link to the candidate",
    placeholders: {
      candidateName: "Sam Taylor",
      roleTitle: "Backend Engineer",
      link: EXAMPLE_LINK,
      deadline: "12 December 2026, 17:00 UTC",
      timeLimit: "3 hours",
    },
    defaults: {
      subject: "Your practical assessment for {{roleTitle}}",
      body:
        "Hello {{candidateName}},\n\nThank you for your interest in the {{roleTitle}} role. " +
        "The next step is a practical exercise. You have {{timeLimit}} once you start, and you " +
        "can start any time before {{deadline}}.\n\nOpen your assessment here:\n{{link}}\n\n" +
        "Keep this link to yourself: anyone with it can work on your behalf.",
    },
  },
  interview_scheduled: {
    label: "Interview scheduled",
    placeholders: {
      recipientName: "Sam Taylor",
      candidateName: "Sam Taylor",
      roleTitle: "Backend Engineer",
      when: "14 December 2026, 10:00 (Europe/London)",
      location: "https://meet.example.com/abc",
    },
    defaults: {
      subject: "Interview for {{roleTitle}}: {{when}}",
      body:
        "Hello {{recipientName}},\n\nAn interview with {{candidateName}} for {{roleTitle}} is " +
        "planned for {{when}}.\n\nWhere: {{location}}\n\nThe calendar invite is attached.",
    },
  },
  interview_rescheduled: {
    label: "Interview rescheduled",
    placeholders: {
      recipientName: "Sam Taylor",
      candidateName: "Sam Taylor",
      roleTitle: "Backend Engineer",
      when: "15 December 2026, 14:00 (Europe/London)",
      location: "https://meet.example.com/abc",
    },
    defaults: {
      subject: "New time for the {{roleTitle}} interview: {{when}}",
      body:
        "Hello {{recipientName}},\n\nThe interview with {{candidateName}} for {{roleTitle}} " +
        "has moved to {{when}}.\n\nWhere: {{location}}\n\nThe updated calendar invite is attached.",
    },
  },
  interview_cancelled: {
    label: "Interview cancelled",
    placeholders: {
      recipientName: "Sam Taylor",
      candidateName: "Sam Taylor",
      roleTitle: "Backend Engineer",
      when: "14 December 2026, 10:00 (Europe/London)",
    },
    defaults: {
      subject: "Cancelled: {{roleTitle}} interview on {{when}}",
      body:
        "Hello {{recipientName}},\n\nThe interview with {{candidateName}} for {{roleTitle}} " +
        "on {{when}} will not take place. We will be in touch if a new time is planned.",
    },
  },
  scorecard_reminder: {
    label: "Scorecard reminder",
    placeholders: {
      interviewerName: "Grace Hopper",
      candidateName: "Sam Taylor",
      roleTitle: "Backend Engineer",
      link: EXAMPLE_LINK,
    },
    defaults: {
      subject: "Your scorecard for {{candidateName}} is waiting",
      body:
        "Hello {{interviewerName}},\n\nYou interviewed {{candidateName}} for {{roleTitle}}; " +
        "the team is waiting for your scorecard. It takes a few minutes while it is fresh:\n{{link}}",
    },
  },
  report_ready: {
    label: "Report ready",
    placeholders: {
      recipientName: "Grace Hopper",
      candidateName: "Sam Taylor",
      roleTitle: "Backend Engineer",
      link: EXAMPLE_LINK,
    },
    defaults: {
      subject: "{{candidateName}}'s assessment report is ready",
      body:
        "Hello {{recipientName}},\n\nThe assessment {{candidateName}} handed in for " +
        "{{roleTitle}} has been graded. Read the report here:\n{{link}}",
    },
  },
  assessment_reminder: {
    label: "Assessment deadline reminder to the candidate",
    placeholders: {
      candidateName: "Sam Taylor",
      roleTitle: "Backend Engineer",
      deadline: "12 December 2026, 17:00 UTC",
      sentOn: "5 December 2026",
    },
    defaults: {
      subject: "A day left for your {{roleTitle}} assessment",
      body:
        "Hello {{candidateName}},\n\nA friendly nudge: your practical assessment for " +
        "{{roleTitle}} closes at {{deadline}}. Open it with the link in the e-mail we sent on " +
        "{{sentOn}}; for your safety we never send that link twice.\n\nIf you have already " +
        "handed in, there is nothing more to do.",
    },
  },
  rejection_feedback: {
    label: "Rejection feedback to the candidate",
    placeholders: {
      candidateName: "Sam Taylor",
      roleTitle: "Backend Engineer",
      feedback: "Your API design was clear; the tests left the error paths uncovered.",
    },
    defaults: {
      subject: "Your application for {{roleTitle}}",
      body:
        "Hello {{candidateName}},\n\nThank you for the time you gave us. We have decided not " +
        "to continue with your application for {{roleTitle}}.\n\nWhat we saw:\n{{feedback}}\n\n" +
        "We wish you well with your search.",
    },
  },
  scorecard_submitted: {
    label: "Scorecard submitted",
    placeholders: {
      recipientName: "Grace Hopper",
      interviewerName: "Alan Turing",
      candidateName: "Sam Taylor",
      roleTitle: "Backend Engineer",
      link: EXAMPLE_LINK,
    },
    defaults: {
      subject: "{{interviewerName}} scored {{candidateName}}",
      body:
        "Hello {{recipientName}},\n\n{{interviewerName}} has submitted a scorecard for " +
        "{{candidateName}} ({{roleTitle}}). The application:\n{{link}}",
    },
  },
  decision_waiting: {
    label: "Decision waiting",
    placeholders: {
      recipientName: "Grace Hopper",
      candidateName: "Sam Taylor",
      roleTitle: "Backend Engineer",
      stageName: "Technical screen",
      link: EXAMPLE_LINK,
    },
    defaults: {
      subject: "Every scorecard for {{candidateName}} is in",
      body:
        "Hello {{recipientName}},\n\nThe panel has scored {{candidateName}}'s " +
        "{{stageName}} for {{roleTitle}}, so the next step is yours to decide:\n{{link}}",
    },
  },
  note_mention: {
    label: "Mentioned in a note",
    placeholders: {
      recipientName: "Grace Hopper",
      authorName: "Alan Turing",
      candidateName: "Sam Taylor",
      roleTitle: "Backend Engineer",
      link: EXAMPLE_LINK,
    },
    defaults: {
      subject: "{{authorName}} mentioned you about {{candidateName}}",
      body:
        "Hello {{recipientName}},\n\n{{authorName}} mentioned you in a note on " +
        "{{candidateName}}'s application for {{roleTitle}}. Read it here:\n{{link}}",
    },
  },
};

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;

/** The placeholders a piece of template text uses, in order of first use. */
function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? ""))];
}

/** Refuses a template using placeholders its kind does not fill, naming them and the field. */
export function assertKnownPlaceholders(kind: TMailKind, template: TMailTemplate): void {
  const known = MAIL_KIND_INFO[kind].placeholders;
  const fields = (["subject", "body"] as const).flatMap((field) => {
    const unknown = placeholdersIn(template[field]).filter((name) => !(name in known));
    return unknown.length === 0
      ? []
      : [{ field, message: `unknown placeholder ${unknown.map((n) => `{{${n}}}`).join(", ")}` }];
  });
  if (fields.length > 0) {
    throw new AppError(
      "VALIDATION_FAILED",
      `This template uses placeholders a ${MAIL_KIND_INFO[kind].label.toLowerCase()} does not have: ` +
        `${fields.map((f) => f.message.replace("unknown placeholder ", "")).join(", ")}. ` +
        `Available: ${Object.keys(known)
          .map((n) => `{{${n}}}`)
          .join(", ")}.`,
      { fields },
    );
  }
}

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);

/**
 * Fills a template. The text part is the template as written; in the HTML part everything, the
 * admin's wording and the values alike, is escaped, and only link placeholders become anchors.
 */
export function renderMail(template: TMailTemplate, values: Record<string, string>): TRenderedMail {
  const fill = (text: string) => text.replace(PLACEHOLDER, (_, name: string) => values[name] ?? "");
  const htmlBody = template.body
    .split(/(\{\{\s*[A-Za-z][A-Za-z0-9]*\s*\}\})/)
    .map((piece) => {
      const name = /^\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}$/.exec(piece)?.[1];
      if (name === undefined) return escapeHtml(piece);
      const value = escapeHtml(values[name] ?? "");
      return LINK_PLACEHOLDERS.has(name) && value ? `<a href="${value}">${value}</a>` : value;
    })
    .join("")
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${paragraph.replace(/\n/g, "<br>")}</p>`)
    .join("\n");
  return {
    // A subject is one line: a value with a line break must not start a header of its own.
    subject: fill(template.subject).replace(/[\r\n]+/g, " "),
    text: fill(template.body),
    html: `<!doctype html><html><body>${htmlBody}</body></html>`,
  };
}
