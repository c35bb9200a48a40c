import { principalOf } from "../../http/authentication.js";
import { errorResponses } from "../../http/error-response.js";
import { sendShared } from "../../http/shared-response.js";
import type { TApp } from "../../http/types.js";
import { ZRoleIdParams } from "../roles/roles.schema.js";
import { ZBoardQuery, ZBoardResponse } from "./board.schema.js";
import type { TBoardService } from "./board.service.js";

export function registerBoardRoutes(app: TApp, deps: { boardService: TBoardService }) {
  app.get(
    "/api/roles/:roleId/board",
    {
      // Anyone who sees the role; what each column holds is need-to-know (board.service.ts).
      config: { access: "user" },
      schema: {
        operationId: "getBoard",
        tags: ["applications"],
        description:
          "The pipeline board: per stage, the total and a page of active applications. With stageId and after (a column's nextCursor), the next page of that column.",
        params: ZRoleIdParams,
        querystring: ZBoardQuery,
        response: { 200: ZBoardResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendShared(
        request,
        reply,
        await deps.boardService.getBoard(
          request.params.roleId,
          request.query,
          principalOf(request).user,
        ),
      ),
  );
}
