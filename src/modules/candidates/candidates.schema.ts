import { z } from "zod";
import { APPLICATION_STATUSES, LAWFUL_BASES } from "../../db/schema/index.js";
import { TOTAL_CAP, ZTextCursor } from "../../shared/keyset-cursor.js";
import { ZEmail, ZIsoDateTime, ZPersonName, ZUuid } from "../../shared/schema-primitives.js";

export const POSSIBLE_DUPLICATE_REASONS = ["same-email", "same-name"] as const;
/** Same-name records listed per candidate; a common name should not flood the page. */
export const MAX_SAME_NAME = 5;

const ZLink = z
  .url({ protocol: /^https?$/, error: "must be an http(s) link" })
  .max(300)
  .nullable()
  .optional();

export const ZCandidateLinks = z.strictObject({
  github: ZLink,
  portfolio: ZLink,
  linkedin: ZLink,
});

const ZPhone = z
  .string()
  .trim()
  .max(40)
  .regex(/^[+0-9 ()./-]{5,40}$/, "must be a phone number (digits, spaces, + - ( ) .)")
  .nullable()
  .optional();
const ZNotes = z.string().trim().max(5000).nullable().optional();

export const ZCreateCandidateRequest = z.strictObject({
  name: ZPersonName,
  email: ZEmail,
  phone: ZPhone,
  links: ZCandidateLinks.optional(),
  notes: ZNotes,
  /** Why we may hold their data; recorded as a consent record (default: legitimate interest). */
  lawfulBasis: z.enum(LAWFUL_BASES).default("legitimate_interest"),
});
export type TCreateCandidateRequest = z.infer<typeof ZCreateCandidateRequest>;

export const ZUpdateCandidateRequest = z
  .strictObject({
    name: ZPersonName.optional(),
    email: ZEmail.optional(),
    phone: ZPhone,
    links: ZCandidateLinks.optional(),
    notes: ZNotes,
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), {
    message: "give at least one field to change",
  });
export type TUpdateCandidateRequest = z.infer<typeof ZUpdateCandidateRequest>;

export const ZCandidateApplication = z.object({
  id: ZUuid,
  roleId: ZUuid,
  roleTitle: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  currentStageId: ZUuid,
  currentStageName: z.string(),
});

export const ZCandidate = z.object({
  id: ZUuid,
  name: z.string(),
  /** False for interviewers who see the candidate only through an assigned interview. */
  contactVisible: z.boolean(),
  /** E-mail, phone and notes are null when contactVisible is false: never sent, not masked. */
  email: z.string().nullable(),
  phone: z.string().nullable(),
  links: z.object({
    github: z.string().nullable(),
    portfolio: z.string().nullable(),
    linkedin: z.string().nullable(),
  }),
  notes: z.string().nullable(),
  /**
   * Other records that may be the same person, each with why. `same-email`: an import made this
   * record beside another with the same e-mail that its uploader could not see; `of` names that
   * record only for admins (they merge). `same-name`: a record the caller may see whose name is
   * the same once case, accents and spacing are folded; never blocks anything.
   */
  possibleDuplicates: z
    .array(
      z.object({
        reason: z.enum(POSSIBLE_DUPLICATE_REASONS),
        of: z.object({ id: ZUuid, name: z.string() }).nullable(),
      }),
    )
    .max(MAX_SAME_NAME + 1),
  createdAt: ZIsoDateTime,
  updatedAt: ZIsoDateTime,
  /** Set once the personal data was erased: the record is anonymous from then on. */
  erasedAt: ZIsoDateTime.nullable(),
  /** Only the applications the caller may see. */
  applications: z.array(ZCandidateApplication),
});
export type TCandidate = z.infer<typeof ZCandidate>;

export const ZCandidateIdParams = z.strictObject({ candidateId: ZUuid });
export const ZMergeCandidateRequest = z.strictObject({
  /** The record that stays; the one in the path is folded into it and removed. */
  intoCandidateId: ZUuid,
});
export type TMergeCandidateRequest = z.infer<typeof ZMergeCandidateRequest>;
export const ZCandidateResponse = z.object({ candidate: ZCandidate });
export const ZListCandidatesQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  /** Only candidates with an application on this role (and, with these, in this stage or status). */
  roleId: ZUuid.optional(),
  stageId: ZUuid.optional(),
  status: z.enum(APPLICATION_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** The `nextCursor` of the previous page (same filters); absent for the first page. */
  after: ZTextCursor.optional(),
});
export type TListCandidatesQuery = z.infer<typeof ZListCandidatesQuery>;
/** One page in name order (then id), with the total of every page. */
export const ZListCandidatesResponse = z.object({
  candidates: z.array(ZCandidate),
  total: z
    .number()
    .int()
    .min(0)
    .max(TOTAL_CAP)
    .describe(`Exact up to ${TOTAL_CAP}; when totalCapped is true there are more than this many.`),
  totalCapped: z.boolean().describe(`True when more than ${TOTAL_CAP} candidates match.`),
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});
