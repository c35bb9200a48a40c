import { describe, expect, it } from "vitest";
import type { TDatabase } from "./client.js";
import { createDataVersion, rememberDataVersion } from "./data-version.js";

// A database that must not be asked: every use fails the read.
const untouchable = new Proxy(
  {},
  {
    get: () => {
      throw new Error("the database was asked");
    },
  },
) as unknown as TDatabase;

describe("the data version read with the session", () => {
  const dataVersion = createDataVersion(untouchable);

  it("answers a request's read from what its session statement read, with no statement", async () => {
    const viewer = {};
    rememberDataVersion(viewer, ["41", "3"]);
    await expect(dataVersion.read(viewer)).resolves.toBe(41);
  });

  it("is kept per request: another viewer object, or none, reads afresh", async () => {
    rememberDataVersion({}, [7, 1]);
    await expect(dataVersion.read({})).rejects.toThrow("the database was asked");
    await expect(dataVersion.read()).rejects.toThrow("the database was asked");
  });

  it("keeps nothing past the compaction threshold, so read runs and folds the rows", async () => {
    const viewer = {};
    rememberDataVersion(viewer, ["9000", "2001"]);
    await expect(dataVersion.read(viewer)).rejects.toThrow("the database was asked");
    rememberDataVersion(viewer, null);
    await expect(dataVersion.read(viewer)).rejects.toThrow("the database was asked");
  });
});
