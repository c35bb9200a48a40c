import type { TApp } from "./types.js";

/**
 * One structured line per request. The route pattern is logged, never the raw URL: paths and query
 * strings can carry invite and assessment tokens.
 */
export function registerRequestLog(app: TApp) {
  app.addHook("onSend", async (request, reply, payload) => {
    void reply.header("x-request-id", request.id);
    return payload;
  });
  app.addHook("onResponse", async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? "(unmatched)",
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
        user: request.principal?.user.id,
      },
      "request",
    );
  });
}
