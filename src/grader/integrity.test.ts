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

  it("does not mistake URLs and settings values for host-file access", () => {
    const code = [
      'LOGIN_REDIRECT_URL = "/home/"',
      'STATIC_ROOT = "/var/www/static"',
      'MEDIA_ROOT = os.environ.get("MEDIA_ROOT", "/var/media")',
      'path("home/", views.home)',
      'response = self.client.get("/home/")',
      "BASE_DIR = Path(__file__).resolve().parent.parent",
    ].join("\n");
    expect(scanSource("config/settings.py", code)).toEqual([]);
  });

  it("lets honest conftest fixtures through and flags hooks on results or collection", () => {
    const fixtures = [
      "import pytest",
      "from rest_framework.test import APIClient",
      "@pytest.fixture",
      "def api_client():",
      "    return APIClient()",
      "def pytest_configure(config):",
      '    config.addinivalue_line("markers", "slow: a slow test")',
    ].join("\n");
    expect(scanSource("conftest.py", fixtures)).toEqual([]);
    for (const hook of [
      "def pytest_collection_modifyitems(items):",
      "def pytest_runtest_call(item):",
      "def pytest_report_teststatus(report, config):",
      "    config.pluginmanager.unregister(name='terminalreporter')",
      'pytest_plugins = ["tasks.sneaky"]',
    ]) {
      expect(scanSource("conftest.py", hook)[0]?.severity, hook).toBe("tampering");
    }
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
