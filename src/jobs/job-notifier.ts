import { EventEmitter } from "node:events";
import pg from "pg";

const CHANNEL = "shortlist_jobs";

/** Wakes idle workers when a job is enqueued, so a job starts in milliseconds instead of a poll interval. */
export type TJobNotifier = {
  notify: (jobName: string) => Promise<void>;
  onNotify: (listener: (jobName: string) => void) => () => void;
  close: () => Promise<void>;
};

/** One process (embedded mode, or web and worker in one process). */
export function createLocalNotifier(): TJobNotifier {
  const emitter = new EventEmitter();
  return {
    notify: (name) => {
      emitter.emit("job", name);
      return Promise.resolve();
    },
    onNotify: (listener) => {
      emitter.on("job", listener);
      return () => emitter.off("job", listener);
    },
    close: () => Promise.resolve(),
  };
}

/**
 * Several processes sharing a PostgreSQL server: NOTIFY reaches every listening worker. Local
 * listeners are called directly as well, so the enqueueing process does not wait for the round trip.
 */
export async function createPostgresNotifier(url: string): Promise<TJobNotifier> {
  const local = createLocalNotifier();
  const listener = new pg.Client({ connectionString: url });
  listener.on("error", () => undefined);
  await listener.connect();
  await listener.query(`listen ${CHANNEL}`);
  listener.on("notification", (message) => {
    if (message.channel === CHANNEL) void local.notify(message.payload ?? "");
  });
  return {
    notify: async (name) => {
      await listener.query("select pg_notify($1, $2)", [CHANNEL, name]);
    },
    onNotify: local.onNotify,
    close: async () => {
      await listener.end();
    },
  };
}
