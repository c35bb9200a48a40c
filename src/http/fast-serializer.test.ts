import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fastSerializerCompiler } from "./fast-serializer.js";

const ZRow = z.object({
  id: z.string().max(10),
  score: z.number().nullable(),
  tags: z.array(z.object({ name: z.string() })),
  band: z.object({ low: z.number(), high: z.number() }).nullable(),
});

describe("fastSerializerCompiler", () => {
  const write = fastSerializerCompiler({ schema: z.object({ rows: z.array(ZRow) }) });

  it("writes what JSON.stringify writes for an answer that matches the schema", () => {
    const answer = {
      rows: [
        { id: "a", score: 3.25, tags: [{ name: 'x"y\n' }], band: { low: 1, high: 2 } },
        { id: "b", score: null, tags: [], band: null },
      ],
    };
    expect(write(answer)).toBe(JSON.stringify(answer));
  });

  it("leaves out every property the schema does not name, at any depth", () => {
    const leaky = {
      rows: [
        {
          id: "a",
          score: 1,
          secret: "hash",
          tags: [{ name: "t", internal: true }],
          band: { low: 1, high: 2, raterEmail: "x@y" },
        },
      ],
      debug: { path: "/srv/grader" },
    };
    const written = JSON.parse(write(leaky)) as unknown;
    expect(written).toEqual({
      rows: [{ id: "a", score: 1, tags: [{ name: "t" }], band: { low: 1, high: 2 } }],
    });
  });

  it("refuses a schema that is not zod", () => {
    expect(() => fastSerializerCompiler({ schema: { type: "object" } })).toThrow(/zod/);
  });
});
