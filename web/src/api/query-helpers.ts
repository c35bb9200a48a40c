import { toApiError } from "./client";
import type { TApiError } from "./client";

/** A failed API call as a thrown Error that also carries the API's error body fields. */
export class ApiError extends Error implements TApiError {
  readonly code: string;
  readonly fields?: TApiError["fields"];
  readonly details?: TApiError["details"];
  readonly requestId: string;
  constructor(body: TApiError) {
    super(body.message);
    this.code = body.code;
    if (body.fields) this.fields = body.fields;
    if (body.details) this.details = body.details;
    this.requestId = body.requestId;
  }
}

type TFetchResult<T> = { data?: T; error?: unknown; response: Response };

/**
 * The body of one typed-client call, or its failure thrown as one `TApiError`, so TanStack Query
 * sees every error (HTTP or network) in the same shape the UI shows.
 */
export async function unwrap<T>(request: Promise<TFetchResult<T>>): Promise<T> {
  let result: TFetchResult<T>;
  try {
    result = await request;
  } catch (failure) {
    throw new ApiError(toApiError(failure));
  }
  if (!result.response.ok) throw new ApiError(toApiError(result.error));
  // A 204 has no body; callers of such routes ignore the value.
  return result.data as T;
}

/** Keyset lists: each page's cursor is the previous page's nextCursor; the first page has none. */
export const firstPage = undefined as string | undefined;
export const nextPage = (last: { nextCursor: string | null }) => last.nextCursor ?? undefined;
export const after = (cursor: string | undefined) => (cursor ? { after: cursor } : {});
