import { describe, expect, it } from "vitest";
import type { TDatabase } from "../../db/client.js";
import type { TAuditInput } from "../audit/audit.service.js";
import { createCandidateErasureService } from "./candidate-erasure.service.js";

type TFakeCandidate = {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  erasedAt: Date | null;
};

/** Fakes of the erasure's narrow dependencies: an in-memory candidate table and a call log. */
function fakes(candidates: TFakeCandidate[], options: { due?: string[]; months?: number } = {}) {
  const calls: string[] = [];
  const audit: TAuditInput[] = [];
  const due = new Set(options.due ?? []);
  const db = {
    transaction: (fn: (tx: unknown) => Promise<unknown>) => fn({}),
  } as unknown as TDatabase;
  const privacyRepo = {
    lockCandidate: (id: string) => Promise.resolve(candidates.find((c) => c.id === id) as never),
    applicationIdsOf: () => Promise.resolve(["app-1"]),
    auditEntityIdsOf: (id: string, apps: string[]) => Promise.resolve([id, ...apps]),
    anonymizeCandidate: (id: string) => {
      calls.push(`anonymize ${id}`);
      const row = candidates.find((c) => c.id === id);
      if (row) row.erasedAt = new Date();
      due.delete(id);
      return Promise.resolve();
    },
    deleteResumes: () => Promise.resolve(2),
    wipeSubmissionFiles: () => Promise.resolve(1),
    scrubFreeText: () => Promise.resolve(),
    scrubIntakeResults: () => Promise.resolve(),
    scrubAuditPayloads: (input: { entityIds: string[]; quoted: string[] }) => {
      calls.push(`scrub audit ${input.quoted.join(",")}`);
      return Promise.resolve(3);
    },
    scrubMail: (input: { email: string; name: string; anonymousName: string }) => {
      calls.push(`scrub mail ${input.email} as ${input.anonymousName}`);
      return Promise.resolve(4);
    },
    getSettings: () =>
      Promise.resolve(
        options.months === undefined ? undefined : ({ retentionMonths: options.months } as never),
      ),
    listDueForRetention: (_months: number, limit: number, _tx?: unknown, only?: string) =>
      Promise.resolve(
        [...due]
          .filter((id) => only === undefined || id === only)
          .slice(0, limit)
          .map((id) => ({ id, name: "x", lastClosedAt: new Date(0) })),
      ),
  };
  const service = createCandidateErasureService({
    db,
    privacyRepo,
    auditService: {
      recordEvent: (_actor, input) => {
        audit.push(input);
        return Promise.resolve();
      },
    },
    selfIdentification: {
      deleteAnswers: (id: string) => {
        calls.push(`delete self-identification ${id}`);
        return Promise.resolve(1);
      },
    },
  });
  return { service, calls, audit };
}

const admin = { userId: "u-admin", label: "admin@example.com" };
const ana = (): TFakeCandidate => ({
  id: "c-ana",
  name: "Ana  Lima",
  email: "ana@example.org",
  phone: "+351 21 000 0000",
  erasedAt: null,
});

describe("candidate erasure", () => {
  it("needs the name as shown (case and spacing aside) and records who and why, not whom", async () => {
    const { service, calls, audit } = fakes([ana()]);
    await expect(
      service.eraseCandidate({
        candidateId: "c-ana",
        confirmName: "Ana Silva",
        reason: "Asked to be forgotten.",
        actor: admin,
      }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED", fields: [{ field: "confirmName" }] });
    expect(calls).toEqual([]);

    const result = await service.eraseCandidate({
      candidateId: "c-ana",
      confirmName: " ana lima ",
      reason: "Asked to be forgotten.",
      actor: admin,
    });
    expect(result.removed).toEqual({
      resumes: 2,
      submissionFiles: 1,
      auditPayloads: 3,
      selfIdentification: 1,
      mailMessages: 4,
    });
    expect(calls).toEqual([
      "delete self-identification c-ana",
      "scrub audit ana@example.org,+351 21 000 0000",
      "scrub mail ana@example.org as Erased candidate #c-ana",
      "anonymize c-ana",
    ]);
    expect(result.removed.selfIdentification).toBe(1);
    expect(audit).toEqual([
      {
        action: "candidate.erased",
        entityType: "candidate",
        entityId: "c-ana",
        after: { reason: "Asked to be forgotten.", trigger: "admin", removed: result.removed },
      },
    ]);
    expect(JSON.stringify(audit)).not.toMatch(/Ana|ana@/);
  });

  it("refuses a reason that names the person, and a second erasure", async () => {
    const { service } = fakes([ana(), { ...ana(), id: "c-gone", erasedAt: new Date() }]);
    await expect(
      service.eraseCandidate({
        candidateId: "c-ana",
        confirmName: "Ana Lima",
        reason: "ana lima asked by phone",
        actor: admin,
      }),
    ).rejects.toMatchObject({ fields: [{ field: "reason" }] });
    await expect(
      service.eraseCandidate({
        candidateId: "c-gone",
        confirmName: "Ana Lima",
        reason: "Asked to be forgotten.",
        actor: admin,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      service.eraseCandidate({
        candidateId: "c-none",
        confirmName: "Ana Lima",
        reason: "Asked to be forgotten.",
        actor: admin,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("does nothing while retention is off, and erases each due candidate once when on", async () => {
    const people = [ana(), { ...ana(), id: "c-ben", email: "ben@example.org" }];
    const off = fakes(people, { due: ["c-ana", "c-ben"] });
    expect(await off.service.runRetentionSweep()).toEqual({ months: null, erased: 0 });
    expect(off.calls).toEqual([]);

    const on = fakes(people, { due: ["c-ana", "c-ben"], months: 6 });
    expect(await on.service.runRetentionSweep()).toEqual({ months: 6, erased: 2 });
    expect(on.calls.filter((c) => c.startsWith("anonymize"))).toEqual([
      "anonymize c-ana",
      "anonymize c-ben",
    ]);
    expect(on.audit.map((a) => (a.after as { trigger: string }).trigger)).toEqual([
      "retention",
      "retention",
    ]);
    // A second sweep the same day finds nobody due.
    expect(await on.service.runRetentionSweep()).toEqual({ months: 6, erased: 0 });
  });
});
