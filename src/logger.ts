import type { LoggerOptions } from "pino";

/** Structured JSON logs; anything that could hold a secret is censored before it is written. */
export function loggerOptions(level: LoggerOptions["level"]): LoggerOptions {
  return {
    level,
    redact: {
      paths: [
        "req.headers.authorization",
        "req.headers.cookie",
        'res.headers["set-cookie"]',
        "*.password",
        "*.token",
        "*.sessionToken",
        "*.secret",
        "*.passwordHash",
      ],
      censor: "[redacted]",
    },
    // The default req serializer logs the raw URL, which can carry invite tokens.
    serializers: {
      req: (req: { method?: string; routeOptions?: { url?: string } }) => ({
        method: req.method,
        route: req.routeOptions?.url,
      }),
    },
  };
}
