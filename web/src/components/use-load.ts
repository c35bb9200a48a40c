import { useCallback, useEffect, useState } from "react";
import { toApiError } from "../api/client";
import type { TApiError } from "../api/client";

type TResult<T> = { data?: T; error?: unknown };

/** Loads once per change of `key`, keeps the last good data while reloading, exposes reload(). */
export function useLoad<T>(load: () => Promise<TResult<T>>, key: string) {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<TApiError>();
  // `key` names everything `load` reads, so a new key is a new request.
  const run = useCallback(load, [key]);
  const reload = useCallback(async () => {
    const result = await run().catch((failure: unknown) => ({ error: failure, data: undefined }));
    if (result.data !== undefined) {
      setData(result.data);
      setError(undefined);
    } else setError(toApiError(result.error));
  }, [run]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, reload, setData };
}
