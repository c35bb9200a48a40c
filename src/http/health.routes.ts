import { z } from "zod";
import type { TApp } from "./types.js";

export function registerHealthRoutes(
  app: TApp,
  deps: { version: string; databaseKind: "pglite" | "postgres" },
) {
  app.get(
    "/api/health",
    {
      config: { access: "public" },
      schema: {
        operationId: "getHealth",
        tags: ["meta"],
        response: {
          200: z.object({
            ok: z.literal(true),
            version: z.string(),
            database: z.enum(["pglite", "postgres"]),
          }),
        },
      },
    },
    () => ({ ok: true as const, version: deps.version, database: deps.databaseKind }),
  );
}
