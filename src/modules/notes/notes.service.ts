import type { TDatabase } from "../../db/client.js";
import { assertManagesPipeline, assertSeesApplication } from "../access/viewer-scope.js";
import type { TViewer } from "../access/viewer-scope.js";
import type { TViewerScopeRepo } from "../access/viewer-scope.repo.js";
import type { TActor, TAuditService } from "../audit/audit.service.js";
import type { TMailService } from "../mail/mail.service.js";
import type { TNotificationsService } from "../notifications/notifications.service.js";
import type { TApplicationsRepo } from "../pipeline/applications.repo.js";
import { findMentions } from "./mentions.js";
import type { TNotesRepo } from "./notes.repo.js";

/**
 * The hiring team's running notes on an application. Only the people who run the pipeline read and
 * write them; `@name` tells a colleague, through their notification settings.
 */
export function createNotesService(deps: {
  db: TDatabase;
  notesRepo: TNotesRepo;
  applicationsRepo: Pick<TApplicationsRepo, "findById">;
  viewerScopeRepo: Pick<TViewerScopeRepo, "loadScope">;
  auditService: Pick<TAuditService, "recordEvent">;
  notificationsService: Pick<TNotificationsService, "notify">;
  mail: Pick<TMailService, "wake">;
}) {
  const repo = deps.notesRepo;

  async function applicationFor(viewer: TViewer, applicationId: string) {
    const scope = await deps.viewerScopeRepo.loadScope(viewer);
    const application = await deps.applicationsRepo.findById(applicationId);
    assertSeesApplication(scope, application);
    // An interviewer assigned to the application sees it, but not the team's notes.
    assertManagesPipeline(scope, application.roleId);
    return application;
  }

  function present(
    row: Awaited<ReturnType<TNotesRepo["listFor"]>>[number],
    names: ReadonlyMap<string, string>,
  ) {
    return {
      id: row.id,
      body: row.body,
      author: row.authorId ? { id: row.authorId, name: row.authorName ?? "" } : null,
      mentioned: row.mentionedUserIds.map((id) => ({
        id,
        name: names.get(id) ?? "A former colleague",
      })),
      createdAt: row.createdAt.toISOString(),
    };
  }

  return {
    async list(viewer: TViewer, applicationId: string) {
      const application = await applicationFor(viewer, applicationId);
      const [rows, readers] = await Promise.all([
        repo.listFor(applicationId),
        repo.readersOf(application.roleId),
      ]);
      const names = new Map(readers.map((r) => [r.id, r.name]));
      return {
        notes: rows.map((r) => present(r, names)),
        mentionable: readers.map((r) => ({ id: r.id, name: r.name })),
      };
    },

    async create(viewer: TViewer, actor: TActor, applicationId: string, body: string) {
      const application = await applicationFor(viewer, applicationId);
      const readers = await repo.readersOf(application.roleId);
      const mentioned = findMentions(body, readers);
      const note = await deps.db.transaction(async (tx) => {
        const row = await repo.insert(
          { applicationId, authorId: viewer.id, body, mentionedUserIds: mentioned },
          tx,
        );
        // Who wrote a note and whom it named; the text itself stays on the application.
        await deps.auditService.recordEvent(
          actor,
          {
            action: "note.created",
            entityType: "application",
            entityId: applicationId,
            after: { noteId: row.id, mentionedUserIds: mentioned },
          },
          tx,
        );
        await deps.notificationsService.notify(
          {
            kind: "note_mention",
            applicationId,
            recipients: readers.filter((r) => mentioned.includes(r.id)),
            actor: { id: viewer.id, name: viewer.name },
            noteId: row.id,
          },
          tx,
        );
        return row;
      });
      await deps.mail.wake();
      const names = new Map(readers.map((r) => [r.id, r.name]));
      return present({ ...note, authorId: viewer.id, authorName: viewer.name }, names);
    },
  };
}

export type TNotesService = ReturnType<typeof createNotesService>;
