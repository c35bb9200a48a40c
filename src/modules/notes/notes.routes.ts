import { actorOf, principalOf } from "../../http/authentication.js";
import { errorResponses } from "../../http/error-response.js";
import type { TApp } from "../../http/types.js";
import { ZApplicationIdParams } from "../pipeline/applications.schema.js";
import { ZCreateNoteRequest, ZNoteResponse, ZNotesResponse } from "./notes.schema.js";
import type { TNotesService } from "./notes.service.js";

// Who runs a pipeline; the service narrows it to the role's team (interviewers never read notes).
const PIPELINE = ["admin", "recruiter", "hiring_manager"] as const;
const tags = ["notes"];

export function registerNotesRoutes(app: TApp, deps: { notesService: TNotesService }) {
  const service = deps.notesService;

  app.get(
    "/api/applications/:applicationId/notes",
    {
      config: { access: PIPELINE },
      schema: {
        operationId: "listApplicationNotes",
        tags,
        params: ZApplicationIdParams,
        response: { 200: ZNotesResponse, ...errorResponses },
      },
    },
    async (request) => service.list(principalOf(request).user, request.params.applicationId),
  );

  app.post(
    "/api/applications/:applicationId/notes",
    {
      config: { access: PIPELINE },
      schema: {
        operationId: "createApplicationNote",
        tags,
        description:
          "Adds a note; `@Full Name` or `@handle` (the e-mail before the @) of someone who can read it notifies them.",
        params: ZApplicationIdParams,
        body: ZCreateNoteRequest,
        response: { 201: ZNoteResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        note: await service.create(
          principalOf(request).user,
          actorOf(request),
          request.params.applicationId,
          request.body.body,
        ),
      }),
  );
}
