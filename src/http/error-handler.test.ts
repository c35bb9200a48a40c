import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors.js";
import { handleError } from "./error-handler.js";

async function appThrowing(error: Error) {
  const app = Fastify({ logger: false });
  app.setErrorHandler(handleError);
  app.get("/boom", () => {
    throw error;
  });
  await app.ready();
  return app;
}

describe("the error handler", () => {
  it("never shows a raw database error to the client", async () => {
    const dbError = Object.assign(
      new Error('duplicate key value violates unique constraint "users_email_key"'),
      {
        code: "23505",
        detail: "Key (email)=(a@b.c) already exists.",
      },
    );
    const app = await appThrowing(dbError);
    const response = await app.inject({ method: "GET", url: "/boom" });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toMatch(/duplicate|users_email_key|a@b\.c/);
    expect(response.json()).toMatchObject({
      error: { code: "INTERNAL", requestId: expect.any(String) as string },
    });
  });

  it("maps AppError codes to their status in one place", async () => {
    const app = await appThrowing(new AppError("GONE", "This link has expired."));
    const response = await app.inject({ method: "GET", url: "/boom" });
    expect(response.statusCode).toBe(410);
    expect(response.json()).toMatchObject({
      error: { code: "GONE", message: "This link has expired." },
    });
  });
});
