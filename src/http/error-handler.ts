import { randomUUID } from "node:crypto";
import { STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
} from "fastify-type-provider-zod";
import { AppError, ERROR_STATUS } from "../errors.js";
import type { TErrorCode, TFieldIssue } from "../errors.js";
import type { TErrorResponse } from "./error-response.js";

type TValidationItem = {
  keyword?: string;
  instancePath?: string;
  message?: string;
  params?: { keys?: string[] };
};

const UNKNOWN_FIELD = "is not a known field";

const LOCATION_PREFIX: Record<string, string> = {
  body: "",
  querystring: "query.",
  params: "path.",
  headers: "header.",
};

/** Field names as the caller wrote them: `email`, `items.2.name`, `query.limit`, `path.userId`. */
function fieldsFromValidation(error: FastifyError): TFieldIssue[] {
  const prefix = LOCATION_PREFIX[error.validationContext ?? "body"] ?? "";
  return (error.validation ?? []).flatMap((raw) => {
    const item = raw as TValidationItem;
    const path = (item.instancePath ?? "").split("/").filter(Boolean);
    // Unknown keys are reported on their parent; name each key so the message points at it.
    if (item.keyword === "unrecognized_keys" && item.params?.keys) {
      return item.params.keys.map((key) => ({
        field: prefix + [...path, key].join("."),
        message: UNKNOWN_FIELD,
      }));
    }
    const field = prefix + path.join(".");
    return [
      {
        field: field || (error.validationContext ?? "body"),
        message: item.message ?? "is invalid",
      },
    ];
  });
}

/**
 * A field path as a person would say it, for the summary message: `interviewerIds` → "interviewers",
 * `query.stageId` → "stage", `items.2.name` → "name (item 3)". The `fields` list keeps the exact paths.
 */
export function humanFieldName(field: string): string {
  const parts = field.split(".").filter((part) => !["query", "path", "header"].includes(part));
  const last = parts.at(-1) ?? field;
  const index = parts.length >= 2 ? parts.at(-2) : undefined;
  const words = last
    .replace(/Ids$/, "s")
    .replace(/Id$/, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .toLowerCase()
    .trim();
  const position = index !== undefined && /^\d+$/.test(index) ? ` (item ${Number(index) + 1})` : "";
  return `${words || last}${position}`;
}

function describeFields(fields: TFieldIssue[]): string {
  // An unknown key is an API caller's mistake: name it exactly as it was sent.
  const shown = fields
    .slice(0, 3)
    .map((f) =>
      f.message === UNKNOWN_FIELD
        ? `“${f.field}” ${f.message}`
        : `${humanFieldName(f.field)} ${f.message}`,
    );
  return `Please check your input: ${shown.join("; ")}${fields.length > 3 ? ` (and ${fields.length - 3} more)` : ""}.`;
}

function send(
  reply: FastifyReply,
  request: FastifyRequest,
  code: TErrorCode,
  message: string,
  extra: Partial<TErrorResponse["error"]> = {},
) {
  const body: TErrorResponse = { error: { code, message, ...extra, requestId: request.id } };
  return reply.status(ERROR_STATUS[code]).send(body);
}

/**
 * Errors Fastify meets before routing (a path parameter longer than the router's limit, a URL it
 * cannot decode) get our shape too, through the `frameworkErrors` option.
 */
export function handleFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  if (error.code === "FST_ERR_MAX_PARAM_LENGTH")
    return send(reply, request, "URI_TOO_LONG", "The address is too long.");
  return handleError(error, request, reply);
}

/**
 * Errors of the HTTP parser itself (headers over Node's limit, a malformed request line) arrive
 * on the socket before there is a request; answer them in our shape and close the connection.
 */
export function handleClientError(error: NodeJS.ErrnoException, socket: Duplex) {
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  const tooLarge = error.code === "HPE_HEADER_OVERFLOW";
  const status = tooLarge ? ERROR_STATUS.HEADERS_TOO_LARGE : 400;
  const body: TErrorResponse = {
    error: tooLarge
      ? {
          code: "HEADERS_TOO_LARGE",
          message: "The request's headers (or its address) are too large.",
          requestId: randomUUID(),
        }
      : {
          code: "BAD_REQUEST",
          message: "The request could not be understood.",
          requestId: randomUUID(),
        },
  };
  const text = JSON.stringify(body);
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(text)}\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n${text}`,
    );
  socket.destroy();
}

/** The one place where errors become HTTP responses. Raw database errors never reach a client. */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    if (error.status >= 500) request.log.error({ err: error }, "application error");
    return send(reply, request, error.code, error.message, {
      ...(error.fields ? { fields: error.fields } : {}),
      ...(error.details ? { details: error.details } : {}),
    });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields = fieldsFromValidation(error);
    return send(reply, request, "VALIDATION_FAILED", describeFields(fields), { fields });
  }
  if (isResponseSerializationError(error)) {
    request.log.error({ err: error }, "response did not match its schema");
    return send(
      reply,
      request,
      "INTERNAL",
      "Something went wrong on our side. Quote the request id if you contact support.",
    );
  }
  switch (error.code) {
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return send(reply, request, "INVALID_JSON", "The request body is not valid JSON.");
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return send(reply, request, "PAYLOAD_TOO_LARGE", "The request body is too large.");
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return send(
        reply,
        request,
        "UNSUPPORTED_MEDIA_TYPE",
        "This content type is not supported here; send JSON.",
      );
    case "FST_ERR_RATE_LIMIT_EXCEEDED":
      return send(
        reply,
        request,
        "RATE_LIMITED",
        "Too many attempts. Wait a minute and try again.",
      );
  }
  if (error.statusCode === 429) {
    return send(reply, request, "RATE_LIMITED", "Too many attempts. Wait a minute and try again.");
  }
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    // Fastify's own client errors (bad content-length, malformed URL, ...): safe, generic wording.
    request.log.info({ code: error.code }, "client error");
    return reply.status(error.statusCode).send({
      error: {
        code: "BAD_REQUEST",
        message: "The request could not be understood.",
        requestId: request.id,
      },
    });
  }
  request.log.error({ err: error }, "unhandled error");
  return send(
    reply,
    request,
    "INTERNAL",
    "Something went wrong on our side. Quote the request id if you contact support.",
  );
}
