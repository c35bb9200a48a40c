import pg from "pg";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string | null;
  }
}

const LOCAL_POSTGRES = "postgres://postgres@127.0.0.1:5432/test";

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The HTTP suite runs on PGlite always, and on a PostgreSQL server when TEST_DATABASE_URL is set or
 * one answers locally. An explicit TEST_DATABASE_URL that does not answer fails the run instead of
 * silently skipping the server half.
 */
export default async function setup(project: TestProject) {
  const explicit = process.env.TEST_DATABASE_URL;
  if (explicit) {
    if (!(await answers(explicit)))
      throw new Error(`TEST_DATABASE_URL is set but PostgreSQL does not answer there.`);
    project.provide("postgresUrl", explicit);
    return;
  }
  project.provide("postgresUrl", (await answers(LOCAL_POSTGRES)) ? LOCAL_POSTGRES : null);
}
