import { extractEmails, extractPhones, type TContact } from "./resume-contacts.js";
import { estimateExperienceYears, type TExperienceEstimate } from "./resume-experience-years.js";
import { extractLinks, type TResumeLink } from "./resume-links.js";
import { detectSections, type TSection } from "./resume-sections.js";

export type { TContact } from "./resume-contacts.js";
export type {
  TDateRange,
  TExperienceEstimate,
  TExperienceStatement,
} from "./resume-experience-years.js";
export type { TLinkKind, TResumeLink } from "./resume-links.js";

export type TResumeFields = {
  emails: TContact[];
  phones: TContact[];
  links: TResumeLink[];
  experience: TExperienceEstimate;
};

export type TExtractFieldsOptions = {
  /** "Present" in date ranges means this date; tests pass a fixed one. */
  now?: Date;
  sections?: TSection[];
};

export function extractResumeFields(
  text: string,
  options: TExtractFieldsOptions = {},
): TResumeFields {
  const sections = options.sections ?? detectSections(text);
  const header = sections[0]?.kind === "header" && sections.length > 1 ? sections[0] : undefined;
  const emails = extractEmails(text);
  // An address like jane.doe@janedoe.dev must not also be reported as a link to janedoe.dev.
  const links = extractLinks(text, header?.end).filter(
    (link) => !emails.some((email) => link.start < email.end && link.end > email.start),
  );
  const experience = estimateExperienceYears(text, options.now, sections);
  const phones = extractPhones(text).filter(
    (phone) =>
      !experience.ranges.some((range) => phone.start < range.end && phone.end > range.start),
  );
  return { emails, phones, links, experience };
}
