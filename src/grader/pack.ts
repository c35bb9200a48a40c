import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { assessmentsDir } from "./paths.js";

const ZId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, "lowercase letters, digits and dashes");
const ZPackPath = z
  .string()
  .min(1)
  .max(200)
  .regex(/^hidden\/[\w./-]+$/, "a path inside hidden/")
  .refine((value) => !value.split("/").includes(".."), "must stay inside hidden/");
/** A path inside the candidate's project, e.g. "orders/tests". */
const ZProjectPath = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\w-][\w./-]*$/, "a relative path inside the project")
  .refine((value) => !value.split("/").includes(".."), "must stay inside the project");
const ZPythonPackage = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z_]\w*$/, "a Python package name");

/**
 * A pack names the check runners it uses; each runner is grader code (src/grader/runners)
 * configured by data and hidden files in the pack. A new task kind ("optimise a slow
 * query", "write unit tests") is a new pack plus, at most, a new runner.
 */
export const ZRunnerConfig = z.discriminatedUnion("runner", [
  /** migrate, manage.py check, makemigrations --check: the project is in working order. */
  z.object({ runner: z.literal("django-project-health"), group: ZId }),
  /** The candidate's own tests, run with sentinels under a results contract. */
  z.object({
    runner: z.literal("candidate-tests"),
    group: ZId,
    minimumTests: z.int().min(0).max(1000).default(1),
  }),
  /** The candidate's app served on a unix socket, probed by a hidden Python script. */
  z.object({
    runner: z.literal("http-checks"),
    script: ZPackPath,
    users: z
      .array(z.string().regex(/^\w{1,30}$/))
      .min(1)
      .max(10),
  }),
  /**
   * A debugging task: hidden tests that fail on the shipped bug must pass, and the project's
   * own suite, restored from the starter, must still pass (see runners/fail-to-pass.ts).
   */
  z.object({
    runner: z.literal("fail-to-pass"),
    failToPass: ZPackPath,
    passToPass: z.array(ZProjectPath).min(1).max(20),
    fixGroup: ZId,
    keepGroup: ZId,
  }),
  /**
   * A write-the-tests task: the candidate's suite must pass on the reference and on a second
   * implementation, then is scored by the curated mutants it catches (runners/mutation-testing.ts).
   */
  z.object({
    runner: z.literal("mutation-testing"),
    appPackages: z.array(ZPythonPackage).min(1).max(10),
    alternative: ZPackPath,
    mutants: ZPackPath,
    gateRuns: z.int().min(1).max(5).default(3),
  }),
]);
export type TRunnerConfig = z.infer<typeof ZRunnerConfig>;

const ZDocumentSection = z.object({
  id: ZId,
  title: z.string().min(1).max(120),
  /** Word starts that identify the section in a heading ("cach" matches "Caching"). */
  match: z.array(z.string().min(2).max(40)).min(1).max(10),
});
const ZRubricDimension = z.object({
  id: ZId,
  name: z.string().min(1).max(120),
  competency: ZId,
  /** What a 1, 2, 3 and 4 look like on this dimension. */
  anchors: z.object({
    "1": z.string().min(1).max(600),
    "2": z.string().min(1).max(600),
    "3": z.string().min(1).max(600),
    "4": z.string().min(1).max(600),
  }),
});
/** A pack graded by people: a document against a template of sections and a rubric. */
export const ZDocumentConfig = z.object({
  file: z.string().min(1).max(100),
  /** Fewer words than this under a heading and the section counts as thin. */
  minimumWords: z.int().min(1).max(500),
  sections: z.array(ZDocumentSection).min(1).max(30),
  rubric: z.array(ZRubricDimension).min(1).max(10),
});
export type TDocumentConfig = z.infer<typeof ZDocumentConfig>;

export const ZManifest = z
  .object({
    id: ZId,
    version: z.int().min(1).max(10_000),
    kind: z.enum(["django-project", "design-document"]).default("django-project"),
    title: z.string().min(1).max(120),
    summary: z.string().min(1).max(1000),
    levels: z
      .array(z.enum(["junior", "mid", "senior", "staff"]))
      .min(1)
      .max(4),
    competencies: z.array(ZId).min(1).max(20),
    timeLimitMinutes: z
      .int()
      .min(5)
      .max(8 * 60),
    /** What an upload must contain to be a submission for this pack at all. */
    submission: z.object({ requiredPaths: z.array(ZProjectPath).min(1).max(20) }).optional(),
    runners: z.array(ZRunnerConfig).max(10).default([]),
    groups: z
      .array(
        z.object({
          id: ZId,
          name: z.string().min(1).max(120),
          weight: z.number().positive().max(100),
          competency: ZId,
        }),
      )
      .max(30)
      .default([]),
    document: ZDocumentConfig.optional(),
  })
  .superRefine((manifest, ctx) => {
    if (manifest.kind === "design-document" && manifest.document === undefined)
      ctx.addIssue({ code: "custom", message: "a design-document pack needs `document`" });
    if (manifest.kind === "django-project" && manifest.runners.length === 0)
      ctx.addIssue({ code: "custom", message: "a django-project pack needs runners" });
    const competencyOf = (id: string, where: string) => {
      if (!manifest.competencies.includes(id))
        ctx.addIssue({ code: "custom", message: `${where}: competency ${id} is not listed` });
    };
    for (const dimension of manifest.document?.rubric ?? [])
      competencyOf(dimension.competency, `rubric ${dimension.id}`);
    const ids = manifest.groups.map((group) => group.id);
    if (new Set(ids).size !== ids.length)
      ctx.addIssue({ code: "custom", message: "group ids must be unique" });
    for (const group of manifest.groups) competencyOf(group.competency, `group ${group.id}`);
    for (const runner of manifest.runners) {
      const named = [
        "group" in runner ? runner.group : null,
        "fixGroup" in runner ? runner.fixGroup : null,
        "keepGroup" in runner ? runner.keepGroup : null,
      ];
      for (const group of named) {
        if (group !== null && !ids.includes(group)) {
          ctx.addIssue({
            code: "custom",
            message: `runner ${runner.runner}: unknown group ${group}`,
          });
        }
      }
    }
  });
export type TManifest = z.infer<typeof ZManifest>;

export interface TPack {
  manifest: TManifest;
  dir: string;
  instructionsFile: string;
  starterDir: string;
  hiddenDir: string;
  referenceDir: string;
}

export class PackNotFoundError extends Error {
  override readonly name = "PackNotFoundError";
}

export async function loadPack(id: string, root = assessmentsDir): Promise<TPack> {
  if (!ZId.safeParse(id).success) throw new PackNotFoundError(`No assessment pack named '${id}'.`);
  const dir = path.join(root, id);
  let raw: string;
  try {
    raw = await readFile(path.join(dir, "manifest.json"), "utf8");
  } catch {
    throw new PackNotFoundError(`No assessment pack named '${id}'.`);
  }
  const manifest = ZManifest.parse(JSON.parse(raw));
  if (manifest.id !== id) throw new Error(`Pack folder ${id} holds a manifest for ${manifest.id}`);
  const pack: TPack = {
    manifest,
    dir,
    instructionsFile: path.join(dir, "instructions.md"),
    starterDir: path.join(dir, "starter"),
    hiddenDir: path.join(dir, "hidden"),
    referenceDir: path.join(dir, "reference"),
  };
  for (const required of [
    pack.instructionsFile,
    pack.starterDir,
    pack.hiddenDir,
    pack.referenceDir,
  ]) {
    await stat(required).catch(() => {
      throw new Error(`Pack ${id} is missing ${path.relative(dir, required)}`);
    });
  }
  return pack;
}

export async function listPacks(root = assessmentsDir): Promise<TPack[]> {
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  const ids = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  return Promise.all(ids.sort().map((id) => loadPack(id, root)));
}
