import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import { AppError } from "../errors.js";
import type { TApp } from "./types.js";

/**
 * Serves the built web app; any non-API GET that is not a file falls back to index.html, except
 * the candidate portal (/assess/*), whose own small entry is portal.html.
 */
export async function registerSpa(app: TApp, webDist: string | undefined) {
  if (webDist) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: false,
      maxAge: "1h",
      // The web build writes .br and .gz beside each asset (vite-plugin-compression2).
      preCompressed: true,
    });
  }
  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split("?")[0] ?? "/";
    if (request.method !== "GET" || path.startsWith("/api/") || path === "/api") {
      throw new AppError("NOT_FOUND", `There is no ${request.method} ${path} in this API.`);
    }
    if (!webDist) {
      return reply
        .status(503)
        .type("text/plain")
        .send("The web app has not been built. Run `npm start` (or `npm run build:web`).");
    }
    void reply.header("cache-control", "no-cache");
    const page = path.startsWith("/assess/") ? "portal.html" : "index.html";
    return reply.sendFile(page, join(webDist), { maxAge: 0 });
  });
}
