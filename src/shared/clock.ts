/** Where the time comes from. Services that decide by the time take one, so tests can move it. */
export type TClock = { now: () => Date };

export const systemClock: TClock = { now: () => new Date() };

/**
 * A clock that runs with the system's but can be moved forward (SHORTLIST_TEST_CLOCK): end-to-end
 * tests and demos use it to see what a day later looks like without waiting a day.
 */
export function createTestClock(): TClock & {
  advance: (ms: number) => Date;
  offsetMs: () => number;
} {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    advance(ms) {
      offset += ms;
      return new Date(Date.now() + offset);
    },
    offsetMs: () => offset,
  };
}
export type TTestClock = ReturnType<typeof createTestClock>;
