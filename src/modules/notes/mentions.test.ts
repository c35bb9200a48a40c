import { describe, expect, it } from "vitest";
import { findMentions } from "./mentions.js";

const people = [
  { id: "ana", name: "Ana", email: "ana.k@example.org" },
  { id: "ana-lima", name: "Ana Lima", email: "alima@example.org" },
  { id: "bo", name: "Bo Chen", email: "bo@example.org" },
];

describe("mentions in a note", () => {
  it("prefers the longest name, matches case-insensitively and by e-mail handle", () => {
    expect(findMentions("@ana lima can you check? cc @Bo Chen", people)).toEqual([
      "ana-lima",
      "bo",
    ]);
    expect(findMentions("Thoughts, @alima?", people)).toEqual(["ana-lima"]);
    expect(findMentions("@Ana: see above", people)).toEqual(["ana"]);
  });

  it("ignores addresses, longer words and a lone @, and names each person once", () => {
    expect(findMentions("write to bo@example.org", people)).toEqual([]);
    expect(findMentions("@Anabel is not Ana, @ alone is nothing", people)).toEqual([]);
    expect(findMentions("@Bo Chen and again @bo", people)).toEqual(["bo"]);
  });
});
