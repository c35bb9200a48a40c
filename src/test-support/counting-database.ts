import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { extensions } from "../db/client.js";
import type { TDatabaseHandle } from "../db/client.js";
import * as schema from "../db/schema/index.js";

/**
 * In-memory PGlite whose driver counts every statement it is sent, for the statement-budget
 * test. Tests only: the wrapper sits around the driver, so nothing in src/ knows it is counted.
 */
export async function openCountingDatabase() {
  const client = await PGlite.create({ extensions });
  const counter = { statements: [] as string[], counting: false };
  const record = (text: string) => {
    if (counter.counting) counter.statements.push(text);
  };
  const query = client.query.bind(client);
  client.query = ((text: string, ...rest: unknown[]) => {
    record(text);
    return (query as (...args: unknown[]) => unknown)(text, ...rest);
  }) as typeof client.query;
  const exec = client.exec.bind(client);
  client.exec = ((text: string, ...rest: unknown[]) => {
    record(text);
    return (exec as (...args: unknown[]) => unknown)(text, ...rest);
  }) as typeof client.exec;
  const handle: TDatabaseHandle = {
    db: drizzle(client, { schema }),
    kind: "pglite",
    close: () => client.close(),
  };
  return { handle, counter };
}
