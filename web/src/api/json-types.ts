import type { paths } from "./schema";

/** The JSON body of one response of the typed API: `TJson<"/api/roles/{roleId}", "get">`. */
export type TJson<
  P extends keyof paths,
  M extends keyof paths[P],
  S extends number = 200,
> = paths[P][M] extends {
  responses: { [K in S]: { content: { "application/json": infer B } } };
}
  ? B
  : never;

/** The JSON request body of one route: `TBody<"/api/roles", "post">`. */
export type TBody<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody?: { content: { "application/json": infer B } };
}
  ? B
  : never;

/** The query-string parameters of one route: `TQuery<"/api/applications", "get">`. */
export type TQuery<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  parameters: { query?: infer Q };
}
  ? NonNullable<Q>
  : never;
