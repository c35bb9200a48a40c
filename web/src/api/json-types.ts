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
