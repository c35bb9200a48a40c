import type { TDatabase } from "../../db/client.js";
import { AppError, notFound } from "../../errors.js";
import type { TActor, TAuditService } from "../audit/audit.service.js";
import { assertManagesPipeline, canSeeRole } from "../access/viewer-scope.js";
import type { TViewer } from "../access/viewer-scope.js";
import type { TViewerScopeRepo } from "../access/viewer-scope.repo.js";
import type { TCandidatesRepo } from "../candidates/candidates.repo.js";
import type { TApplicationsRepo } from "../pipeline/applications.repo.js";
import type { TRolesRepo } from "../roles/roles.repo.js";
import { receiveCandidate } from "../candidates/candidate-records.js";
import type { TPrivacyRepo } from "../privacy/privacy.repo.js";
import { candidateVisibility } from "../candidates/candidates.service.js";
import { createApplicationRecord } from "../pipeline/application-creation.js";
import { parseCsv } from "./csv-parse.js";
import { ZCsvRow, type TImportRowReport } from "./screening-api.schema.js";

export const MAX_IMPORT_ROWS = 5000;
const COLUMNS = ["name", "email", "phone", "github", "portfolio", "linkedin"] as const;
const HEADER_ALIASES: Record<string, (typeof COLUMNS)[number]> = {
  "e-mail": "email",
  mail: "email",
  "full name": "name",
  website: "portfolio",
  "github url": "github",
  "linkedin url": "linkedin",
};

function readHeader(cells: string[]) {
  const columns = cells.map((raw) => {
    const key = raw.trim().toLowerCase();
    return (COLUMNS as readonly string[]).includes(key) ? key : (HEADER_ALIASES[key] ?? null);
  });
  const missing = (["name", "email"] as const).filter((c) => !columns.includes(c));
  if (missing.length > 0)
    throw new AppError(
      "VALIDATION_FAILED",
      `The first line must name the columns; ${missing.join(" and ")} ${missing.length === 1 ? "is" : "are"} missing (known: ${COLUMNS.join(", ")}).`,
      { fields: [{ field: "csv", message: `has no ${missing.join(" or ")} column` }] },
    );
  return columns;
}

export function createCandidateImportService(deps: {
  db: TDatabase;
  candidatesRepo: Pick<
    TCandidatesRepo,
    "insertCandidate" | "findByEmail" | "updateCandidate" | "isVisible"
  >;
  applicationsRepo: Pick<
    TApplicationsRepo,
    "insertApplication" | "insertStageEvent" | "findByCandidateAndRole"
  >;
  rolesRepo: Pick<TRolesRepo, "findRole" | "listStages">;
  viewerScopeRepo: Pick<TViewerScopeRepo, "loadScope">;
  auditService: Pick<TAuditService, "recordEvent">;
  privacyRepo: Pick<TPrivacyRepo, "getSettings" | "insertConsent">;
}) {
  async function targetStage(roleId: string | undefined, viewer: TViewer) {
    if (roleId === undefined) return undefined;
    const scope = await deps.viewerScopeRepo.loadScope(viewer);
    const role = await deps.rolesRepo.findRole(roleId);
    if (!role || !canSeeRole(scope, roleId)) throw notFound("That role");
    assertManagesPipeline(scope, roleId);
    if (role.status !== "open")
      throw new AppError("CONFLICT", "This role is closed; reopen it before adding candidates.");
    const [first] = await deps.rolesRepo.listStages([roleId]);
    if (!first) throw new AppError("CONFLICT", "This role has no stages yet.");
    return { roleId, stageId: first.id };
  }

  return {
    /** Each row is its own transaction: a bad row is reported and never half-written. */
    async importCandidates(
      input: { csv: string; roleId?: string | undefined },
      viewer: TViewer,
      actor: TActor,
    ) {
      const target = await targetStage(input.roleId, viewer);
      const visibility = candidateVisibility(await deps.viewerScopeRepo.loadScope(viewer));
      const [header, ...records] = parseCsv(input.csv);
      if (!header)
        throw new AppError("VALIDATION_FAILED", "The CSV is empty.", {
          fields: [{ field: "csv", message: "is empty" }],
        });
      const columns = readHeader(header.cells);
      if (records.length > MAX_IMPORT_ROWS)
        throw new AppError(
          "VALIDATION_FAILED",
          `At most ${MAX_IMPORT_ROWS} rows per import; this file has ${records.length}.`,
          { fields: [{ field: "csv", message: `has more than ${MAX_IMPORT_ROWS} rows` }] },
        );
      const rows: TImportRowReport[] = [];
      for (const record of records) {
        const raw: Record<string, string> = {};
        columns.forEach((column, index) => {
          const value = record.cells[index]?.trim() ?? "";
          if (column && value !== "") raw[column] = value;
        });
        const parsed = ZCsvRow.safeParse(raw);
        if (!parsed.success) {
          rows.push({
            line: record.line,
            status: "failed",
            email: raw.email ?? null,
            candidateId: null,
            applicationId: null,
            errors: parsed.error.issues.map((issue) => ({
              field: String(issue.path[0] ?? "row"),
              message: raw[String(issue.path[0])] === undefined ? "is required" : issue.message,
            })),
          });
          continue;
        }
        const row = parsed.data;
        const contact = {
          phone: row.phone ?? null,
          githubUrl: row.github ?? null,
          portfolioUrl: row.portfolio ?? null,
          linkedinUrl: row.linkedin ?? null,
        };
        rows.push(
          await deps.db.transaction(async (tx) => {
            const { candidate, arrival } = await receiveCandidate(deps, tx, {
              name: row.name,
              email: row.email,
              contact,
              createdBy: viewer.id,
              visibility,
              actor,
              source: "csv_import",
            });
            const applied = target
              ? await createApplicationRecord(deps, tx, {
                  candidateId: candidate.id,
                  ...target,
                  createdBy: viewer.id,
                  actor,
                })
              : undefined;
            return {
              line: record.line,
              status: arrival,
              email: row.email,
              candidateId: candidate.id,
              applicationId: applied
                ? applied.created
                  ? applied.application.id
                  : applied.existingApplicationId
                : null,
              errors: [],
            };
          }),
        );
      }
      const count = (status: string) => rows.filter((r) => r.status === status).length;
      return {
        imported: count("imported"),
        merged: count("merged"),
        possibleDuplicates: count("possible-duplicate"),
        failed: count("failed"),
        rows,
      };
    },
  };
}
export type TCandidateImportService = ReturnType<typeof createCandidateImportService>;
