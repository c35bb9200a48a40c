import { z } from "zod";

export const ZErrorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    details: z.record(z.string(), z.unknown()).optional(),
    requestId: z.string(),
  }),
});
export type TErrorResponse = z.infer<typeof ZErrorResponse>;

/** Spread into a route's `response` so the OpenAPI document (and the web client) know the error shape. */
export const errorResponses = { "4xx": ZErrorResponse, "5xx": ZErrorResponse } as const;
