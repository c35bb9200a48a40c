import { describe, expect, it } from "vitest";
import { scanSource, verdictOf } from "./integrity.js";

describe("integrity scan", () => {
  it("passes ordinary Django code and tests", () => {
    const code = [
      "from django.test import TestCase",
      "class T(TestCase):",
      "    def test_x(self):",
      "        with self.assertNumQueries(2):",
      "            self.client.get('/api/tasks/')",
      "# import subprocess would be flagged, but not in a comment",
    ].join("\n");
    expect(verdictOf(scanSource("tasks/tests.py", code))).toEqual({
      verdict: "clean",
      findings: [],
    });
  });

  it.each([
    ["unittest.TestCase.run = lambda self, result=None: None", "tampering"],
    ["def pytest_runtest_makereport(item, call):", "tampering"],
    ["CaptureQueriesContext.__len__ = lambda self: 0", "tampering"],
    ["os._exit(0)", "suspicious"],
    ["open('/etc/passwd').read()", "suspicious"],
    ["Path('../../secrets.txt').read_text()", "suspicious"],
    ["import socket", "suspicious"],
    ["import subprocess", "suspicious"],
    ["exec(base64.b64decode(payload))", "suspicious"],
  ])("flags %s", (line, severity) => {
    const [finding] = scanSource("x.py", `x = 1\n${line}\n`);
    expect(finding?.severity).toBe(severity);
    expect(finding?.line).toBe(2);
  });
});
