#!/usr/bin/env node
import { parseArgs } from "node:util";
import { ConfigError, parseConfig } from "./config.js";
import type { TConfig } from "./config.js";
import type { TServices } from "./compose.js";
import { DataDirError } from "./db/data-dir.js";
import { MigrationError } from "./db/migrate.js";
import { openConfiguredDatabase } from "./db/open-configured.js";
import { openServices } from "./open-services.js";
import { AppError } from "./errors.js";
import { startServer } from "./server.js";
import { ZSetupRequest } from "./modules/auth/auth.schema.js";

const USAGE = `Usage: shortlist <command> [options]

Commands:
  serve                                   serve the web app and API (migrates first)
  worker                                  run background jobs only (beside serve, on a shared PostgreSQL)
  migrate                                 apply pending database migrations
  create-admin --email E --password P [--name N]
                                          create an admin account
  api-token --email E [--name N]          print a new personal API token for that user
  seed-demo                               fill the database with a demo organisation
  grade <pack> <zip-or-dir> [--json]      grade one work-sample submission
  runtime check|ensure                    inspect or build the Python grading runtime

Configuration comes from environment variables; see README.md.`;

async function withServices<T>(
  config: TConfig,
  run: (services: TServices) => Promise<T>,
): Promise<T> {
  const opened = await openServices(config);
  try {
    return await run(opened.services);
  } finally {
    await opened.close();
  }
}

/** SIGTERM/SIGINT: a graceful stop, but the process ends within 30 s whatever happens. */
function stopWithin30s(stop: () => Promise<void>) {
  setTimeout(() => process.exit(1), 28_000).unref();
  stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "help" || command === "--help" || command === "-h") {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  // Commands that need no database or config are dispatched before config is parsed.
  if (command === "grade") {
    const { runGradeCommand } = await import("./grader/grade.js");
    return runGradeCommand(rest);
  }
  if (command === "runtime") {
    const { runRuntimeCommand } = await import("./grader/runtime.js");
    return runRuntimeCommand(rest);
  }

  const config = parseConfig(process.env);
  switch (command) {
    case "serve": {
      const server = await startServer(config);
      console.log(`Shortlist is running at ${server.url}`);
      const shutdown = () => stopWithin30s(server.stop);
      process.once("SIGINT", shutdown);
      process.once("SIGTERM", shutdown);
      return new Promise<number>(() => undefined);
    }
    case "worker": {
      const { startWorkerProcess } = await import("./worker.js");
      const worker = await startWorkerProcess(config);
      const shutdown = () => stopWithin30s(worker.stop);
      process.once("SIGINT", shutdown);
      process.once("SIGTERM", shutdown);
      return new Promise<number>(() => undefined);
    }
    case "migrate": {
      const { handle, applied } = await openConfiguredDatabase(config);
      await handle.close();
      console.log(
        applied.length ? `Applied: ${applied.join(", ")}` : "The database is up to date.",
      );
      return 0;
    }
    case "create-admin": {
      const { values } = parseArgs({
        args: rest,
        options: {
          email: { type: "string" },
          password: { type: "string" },
          name: { type: "string" },
        },
      });
      const input = ZSetupRequest.safeParse({
        email: values.email ?? "",
        password: values.password ?? "",
        name: values.name ?? values.email?.split("@")[0] ?? "",
      });
      if (!input.success) {
        for (const issue of input.error.issues)
          console.error(`--${issue.path.join(".")}: ${issue.message}`);
        return 2;
      }
      const user = await withServices(config, (s) =>
        s.authService.createAccount({ ...input.data, role: "admin" }),
      );
      console.log(`Created admin ${user.email}.`);
      return 0;
    }
    case "api-token": {
      const { values } = parseArgs({
        args: rest,
        options: { email: { type: "string" }, name: { type: "string" } },
      });
      if (!values.email) {
        console.error("--email is required");
        return 2;
      }
      const email = values.email;
      const result = await withServices(config, (s) =>
        s.apiTokensService.createTokenForEmail(email, values.name ?? "CLI token"),
      );
      console.log(result.token);
      return 0;
    }
    case "seed-demo": {
      const { seedDemo } = await import("./demo/seed-demo.js");
      const summary = await withServices(config, (s) => seedDemo(s));
      console.log(summary);
      return 0;
    }
    default:
      console.error(`Unknown command "${command}".\n\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (
      error instanceof ConfigError ||
      error instanceof DataDirError ||
      error instanceof MigrationError ||
      error instanceof AppError
    ) {
      console.error(error.message);
    } else if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
      console.error(
        `The port is already in use: ${(error as Error).message}. Set PORT to another port.`,
      );
    } else {
      console.error(error);
    }
    process.exitCode = 1;
  },
);
