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
      // The build writes .br/.gz beside each asset (web/vite.config.ts): sent as they are.
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, path) => {
        // Vite names hashed assets by content, so a changed file is a new URL: cache for good.
        void res.header(
          "cache-control",
          /[/\\]assets[/\\]/.test(path) ? "public, max-age=31536000, immutable" : "no-cache",
        );
      },
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
