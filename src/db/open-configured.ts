import type { TConfig } from "../config.js";
import type { TDatabaseHandle } from "./client.js";
import { openEmbeddedDatabase, openServerDatabase } from "./client.js";
import { readOrCreateSecret } from "./data-dir.js";
import { runMigrations } from "./migrate.js";

export type TOpenedDatabase = { handle: TDatabaseHandle; secret: string; applied: string[] };

/** Opens the configured database, runs pending migrations, and resolves the session secret. */
export async function openConfiguredDatabase(config: TConfig): Promise<TOpenedDatabase> {
  const handle = config.databaseUrl
    ? await openServerDatabase(config.databaseUrl)
    : await openEmbeddedDatabase(config.dataDir);
  try {
    const { applied } = await runMigrations(handle.db);
    const secret = config.sessionSecret ?? readOrCreateSecret(config.dataDir);
    return { handle, secret, applied };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
