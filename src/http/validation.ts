import type { FastifySchemaCompiler } from "fastify";
import { validatorCompiler as zodValidatorCompiler } from "fastify-type-provider-zod";
import { AppError } from "../errors.js";
import { NUL_MESSAGE, pathOfNul } from "../shared/schema-primitives.js";

const LOCATION_PREFIX: Record<string, string> = {
  body: "",
  querystring: "query.",
  params: "path.",
  headers: "header.",
};

/**
 * Every route's zod validation, with one rule in front of it: no string anywhere in the body,
 * query, path or headers may hold U+0000. PostgreSQL cannot store it in text, so without this
 * check it reached the database and came back as a 500. One place, so no schema can forget it.
 */
export const validatorCompiler: FastifySchemaCompiler<unknown> = (route) => {
  const validate = zodValidatorCompiler(route as Parameters<typeof zodValidatorCompiler>[0]);
  const prefix = LOCATION_PREFIX[route.httpPart ?? "body"] ?? "";
  return (data: unknown) => {
    const path = pathOfNul(data);
    if (path !== undefined) {
      const field = prefix + path || (route.httpPart ?? "body");
      return {
        error: new AppError(
          "VALIDATION_FAILED",
          `Please check your input: ${field} ${NUL_MESSAGE}.`,
          {
            fields: [{ field, message: NUL_MESSAGE }],
          },
        ),
      };
    }
    return validate(data);
  };
};
