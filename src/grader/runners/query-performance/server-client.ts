import http from "node:http";

export interface TAnswer {
  status: number;
  body: unknown;
  ms: number;
}

/** One GET over a unix socket, with a deadline; the body parsed as JSON when it is JSON. */
export function getOverSocket(
  socketPath: string,
  url: string,
  timeoutMs = 30_000,
): Promise<TAnswer> {
  const started = performance.now();
  return new Promise((resolve) => {
    const request = http.get(
      { socketPath, path: url, headers: { host: "localhost", accept: "application/json" } },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size <= 4 * 1024 * 1024) chunks.push(chunk);
        });
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let body: unknown = text;
          try {
            body = JSON.parse(text) as unknown;
          } catch {
            // not JSON: compared as text
          }
          resolve({ status: response.statusCode ?? 0, body, ms: performance.now() - started });
        });
      },
    );
    request.setTimeout(timeoutMs, () => request.destroy(new Error("timed out")));
    request.on("error", (error) =>
      resolve({ status: 0, body: `no answer: ${error.message}`, ms: performance.now() - started }),
    );
  });
}
