import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";

/**
 * A static read of the submission for code that games the grader or reaches outside the
 * project. It is evidence for a reviewer, shown beside the score: a finding never changes the
 * score by itself (a legitimate project can use subprocess), and the sandbox, not this scan,
 * is what keeps hostile code contained.
 */

export const ZIntegrityFinding = z.object({
  file: z.string().max(500),
  line: z.int().min(0),
  severity: z.enum(["suspicious", "tampering"]),
  reason: z.string().max(300),
  excerpt: z.string().max(200),
});
export type TIntegrityFinding = z.infer<typeof ZIntegrityFinding>;

export const ZIntegrity = z.object({
  verdict: z.enum(["clean", "suspicious", "tampered"]),
  findings: z.array(ZIntegrityFinding).max(200),
});
export type TIntegrity = z.infer<typeof ZIntegrity>;

interface TRule {
  pattern: RegExp;
  severity: TIntegrityFinding["severity"];
  reason: string;
}

const rules: TRule[] = [
  {
    pattern:
      /\b(TestCase|TestResult|TextTestResult|TestReport|TestCaseFunction|SimpleTestCase)\s*\.\s*\w+\s*=(?!=)/,
    severity: "tampering",
    reason: "replaces part of the test framework, which can make failing tests look green",
  },
  {
    pattern: /\bsetattr\s*\(\s*(unittest|pytest|_pytest|TestCase|TestResult|django\.test)\b/,
    severity: "tampering",
    reason: "patches the test framework at run time",
  },
  {
    // conftest.py runs (fixtures are honest pytest); hooks on reporting, outcomes, collection
    // or the runner are what can hide a failing test or the grader's sentinels.
    pattern:
      /\bdef\s+pytest_(runtest_\w+|report_\w+|collection\w*|collect_file|pycollect_\w+|ignore_collect|deselected|terminal_summary|sessionfinish|pyfunc_call|make_collect_report|itemcollected|assertrepr_compare|exception_interact)\b|\b(config|session)\.(pluginmanager|hook)\b|\bpytest_plugins\s*=/,
    severity: "tampering",
    reason: "a pytest hook or plugin that can rewrite, drop or hide test results",
  },
  {
    pattern:
      /\b(assertNumQueries|CaptureQueriesContext|queries_log|force_debug_cursor)(\.\w+)*\s*=(?!=)|setattr\s*\([^)]*(assertNumQueries|CaptureQueriesContext|queries_log)/,
    severity: "tampering",
    reason: "replaces Django's query counting, which checks rely on",
  },
  {
    pattern: /\bsys\.modules\s*\[\s*['"](unittest|pytest|_pytest|django\.test)/,
    severity: "tampering",
    reason: "swaps a test framework module",
  },
  {
    pattern: /\b(from|import)\s+_pytest\b/,
    severity: "suspicious",
    reason: "imports pytest internals",
  },
  {
    pattern: /\bos\._exit\s*\(|\bsys\.exit\s*\(\s*0?\s*\)\s*$/,
    severity: "suspicious",
    reason: "ends the process abruptly, which can hide failing tests",
  },
  {
    // Only a file-system call on such a path: "/home/" as a URL or "/var/www/static" as a
    // setting value is not host-file access.
    pattern:
      /\b(open|Path|PurePath|listdir|scandir|walk|stat|lstat|remove|unlink|rmtree|rmdir|copy\w*|move|chdir|glob|iglob|read_text|read_bytes|write_text|write_bytes|exists|isfile|isdir|readlink|symlink|makedirs|mkdir)\s*\(\s*[rbfu]*['"](\/etc|\/proc|\/sys|\/root|\/home|\/var|\/usr|\/tmp\/\.\.|\/dev\/(?!null)|~\/|[^'"\n]*\.\.\/)/,
    severity: "suspicious",
    reason: "refers to files outside the project",
  },
  {
    pattern:
      /\bimport\s+(socket|urllib\.request|requests|httpx|http\.client|ftplib|smtplib)\b|\bfrom\s+(socket|urllib\.request|requests|httpx|http\.client)\s+import\b|\bsocket\.socket\s*\(/,
    severity: "suspicious",
    reason: "opens network connections",
  },
  {
    pattern:
      /\bimport\s+(subprocess|pty|ctypes|multiprocessing)\b|\bfrom\s+(subprocess|ctypes)\s+import\b|\bos\.(system|popen|exec\w*|spawn\w*|fork|kill|setsid)\s*\(/,
    severity: "suspicious",
    reason: "starts other programs or processes, or touches the OS directly",
  },
  {
    pattern: /\b(exec|eval)\s*\(\s*(compile|base64|codecs|zlib|bytes\.fromhex|__import__|marshal)/,
    severity: "suspicious",
    reason: "runs obfuscated code",
  },
];

const startupFiles: Record<string, string> = {
  "sitecustomize.py": "runs automatically when Python starts",
  "usercustomize.py": "runs automatically when Python starts",
};

const maxFileBytes = 1024 * 1024;

async function listFiles(dir: string, relative = ""): Promise<string[]> {
  const files: string[] = [];
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const rel = relative === "" ? entry.name : `${relative}/${entry.name}`;
    if (entry.isDirectory()) files.push(...(await listFiles(path.join(dir, entry.name), rel)));
    else if (entry.isFile()) files.push(rel);
  }
  return files;
}

export function scanSource(file: string, text: string): TIntegrityFinding[] {
  const findings: TIntegrityFinding[] = [];
  text.split("\n").forEach((raw, index) => {
    const line = raw.trimStart();
    if (line.startsWith("#")) return;
    for (const rule of rules) {
      if (rule.pattern.test(line)) {
        findings.push({
          file,
          line: index + 1,
          severity: rule.severity,
          reason: rule.reason,
          excerpt: line.trim().slice(0, 200),
        });
      }
    }
  });
  return findings;
}

export function verdictOf(findings: TIntegrityFinding[]): TIntegrity {
  const verdict = findings.some((f) => f.severity === "tampering")
    ? "tampered"
    : findings.length > 0
      ? "suspicious"
      : "clean";
  return { verdict, findings: findings.slice(0, 200) };
}

/** Scans a project directory (host side, before any code runs). */
export async function scanIntegrity(projectDir: string): Promise<TIntegrity> {
  const findings: TIntegrityFinding[] = [];
  for (const file of await listFiles(projectDir)) {
    const base = path.posix.basename(file);
    const startup = startupFiles[base];
    if (startup !== undefined) {
      findings.push({
        file,
        line: 0,
        severity: "suspicious",
        reason: `${base} ${startup}`,
        excerpt: "",
      });
    }
    if (file.endsWith(".pth")) {
      findings.push({
        file,
        line: 0,
        severity: "suspicious",
        reason: ".pth files run code when Python starts",
        excerpt: "",
      });
    }
    if (!file.endsWith(".py")) continue;
    const text = await readFile(path.join(projectDir, file), "utf8");
    if (text.length > maxFileBytes) continue;
    findings.push(...scanSource(file, text));
  }
  return verdictOf(findings);
}
