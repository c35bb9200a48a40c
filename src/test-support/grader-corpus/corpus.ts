import { readFile } from "node:fs/promises";
import path from "node:path";
import { appendTo, variantOf, zipDirectory } from "../grader-submissions.js";
import * as src from "./sources.js";

/**
 * Realistic rest-api submissions in the styles candidates use, written by us. Each says how it
 * must grade: its groups (passed/total), its integrity verdict and the words its messages must
 * hold. Shared by src/grader/corpus.test.ts and bench/grading-corpus.bench.ts.
 */
export interface TCorpusEntry {
  name: string;
  style: string;
  /** Builds the submission from the pack's reference project; returns a dir or a .zip. */
  build: (referenceDir: string) => Promise<string>;
  status: "graded" | "error";
  /** Group id → "passed/total"; groups not named must be full marks. */
  groups: Record<string, string>;
  integrity: "clean" | "suspicious" | "tampered";
  /** Each must appear in the report's messages (or the error message). */
  words: string[];
  /** Group id → the note it must carry ("not evaluated: …"). */
  notes?: Record<string, string>;
}

const fullMarks = {
  auth: "5/5",
  crud: "6/6",
  validation: "8/8",
  isolation: "5/5",
  pagination: "4/4",
  filtering: "4/4",
  hygiene: "5/5",
};

async function withSettings(dir: string, text: string): Promise<string> {
  await appendTo(dir, "config/settings.py", text);
  return dir;
}

export const corpus: TCorpusEntry[] = [
  {
    name: "apiview",
    style: "APIView classes, paginator by hand",
    build: (ref) =>
      variantOf(ref, {
        "tasks/queries.py": src.ownTasks,
        "tasks/views.py": src.apiViewViews,
        "tasks/urls.py": src.apiViewUrls,
      }),
    status: "graded",
    groups: fullMarks,
    integrity: "clean",
    words: [],
  },
  {
    name: "generics",
    style: "generic views with a mixin",
    build: (ref) =>
      variantOf(ref, {
        "tasks/queries.py": src.ownTasks,
        "tasks/views.py": src.genericsViews,
        "tasks/urls.py": src.genericsUrls,
      }),
    status: "graded",
    groups: fullMarks,
    integrity: "clean",
    words: [],
  },
  {
    name: "api-view-functions",
    style: "@api_view functions",
    build: (ref) =>
      variantOf(ref, {
        "tasks/queries.py": src.ownTasks,
        "tasks/views.py": src.functionViews,
        "tasks/urls.py": src.functionUrls,
      }),
    status: "graded",
    groups: fullMarks,
    integrity: "clean",
    words: [],
  },
  {
    name: "viewset-django-filter",
    style: "ModelViewSet with django-filter",
    build: async (ref) =>
      withSettings(
        await variantOf(ref, { "tasks/views.py": src.filterViewSet }),
        src.filterSettings,
      ),
    status: "graded",
    groups: fullMarks,
    integrity: "clean",
    words: [],
  },
  {
    name: "simplejwt",
    style: "SimpleJWT access tokens (Bearer)",
    build: async (ref) =>
      withSettings(
        await variantOf(ref, { "config/urls.py": src.jwtRootUrls, "tasks/tests.py": src.jwtTests }),
        src.jwtSettings,
      ),
    status: "graded",
    groups: fullMarks,
    integrity: "clean",
    words: [],
  },
  {
    name: "pytest-conftest-factory-boy",
    style: "pytest with conftest fixtures, factory-boy, pytest-mock, freezegun",
    build: (ref) =>
      variantOf(
        ref,
        {
          "conftest.py": src.pytestConftest,
          "tasks/factories.py": src.factories,
          "tasks/test_api.py": src.pytestTests,
        },
        ["tasks/tests.py"],
      ),
    status: "graded",
    groups: fullMarks,
    integrity: "clean",
    words: ["5 passed"],
  },
  {
    name: "split-settings-env",
    style: "settings package read from env vars (decouple, django-environ), PostgreSQL URL",
    build: async (ref) => {
      const reference = await readFile(path.join(ref, "config/settings.py"), "utf8");
      const manage = await readFile(path.join(ref, "manage.py"), "utf8");
      return variantOf(
        ref,
        {
          "config/settings/__init__.py": "",
          "config/settings/base.py": src.splitBaseEdits(reference),
          "config/settings/production.py": src.splitProduction,
          "manage.py": manage.replace("'config.settings'", "'config.settings.production'"),
        },
        ["config/settings.py"],
      );
    },
    status: "graded",
    groups: fullMarks,
    integrity: "clean",
    words: [],
  },
  {
    name: "postgres-settings",
    style: "PostgreSQL settings from POSTGRES_* variables",
    build: async (ref) => withSettings(await variantOf(ref, {}), src.postgresSettings),
    status: "graded",
    groups: fullMarks,
    integrity: "clean",
    words: [],
  },
  {
    name: "debug-true-500-on-filter",
    style: "DEBUG = True and a KeyError on ?done=maybe",
    build: (ref) =>
      variantOf(ref, {
        "tasks/views.py": src.genericsViewsWith500,
        "tasks/urls.py": src.genericsUrls,
      }),
    status: "graded",
    groups: { ...fullMarks, filtering: "3/4" },
    integrity: "clean",
    words: ["?done=maybe", "500 server error: KeyError: 'maybe' (tasks/views.py, line 13)"],
  },
  {
    name: "top-folder-corsheaders",
    style: "zip with manage.py in a top folder, django-cors-headers",
    build: async (ref) =>
      zipDirectory(await withSettings(await variantOf(ref, {}), src.corsSettings)),
    status: "graded",
    groups: fullMarks,
    integrity: "clean",
    words: [],
  },
  {
    name: "one-failing-test",
    style: "one of the candidate's tests fails",
    build: async (ref) => {
      const dir = await variantOf(ref, {});
      await appendTo(dir, "tasks/tests.py", src.failingTest);
      return dir;
    },
    status: "graded",
    groups: { ...fullMarks, hygiene: "4/5" },
    integrity: "clean",
    words: [
      "1 of 7 tests failed",
      "test_due_date_in_the_past_is_refused",
      "a due date in the past should be refused",
    ],
  },
  {
    name: "unpaginated-list",
    style: "a bare list instead of pages: one bug costs one group",
    build: async (ref) =>
      withSettings(
        await variantOf(ref, { "tasks/tests.py": src.unpaginatedTests }),
        src.unpaginatedSettings,
      ),
    status: "graded",
    groups: { ...fullMarks, pagination: "1/4" },
    integrity: "clean",
    words: ["expected keys count, next, previous, results"],
  },
  {
    name: "unmigrated-app",
    style: "a second app with models and no migrations package",
    build: async (ref) =>
      withSettings(await variantOf(ref, src.notesApp), '\nINSTALLED_APPS += ["notes"]\n'),
    status: "graded",
    groups: { ...fullMarks, hygiene: "4/5" },
    integrity: "clean",
    words: ["notes (the app has no migrations package", "Create model Note"],
  },
  {
    name: "wrong-token-url",
    style: "the sign-in endpoint at another URL",
    build: (ref) => variantOf(ref, { "config/urls.py": src.wrongTokenUrl }),
    status: "graded",
    groups: {
      ...fullMarks,
      auth: "3/5",
      crud: "0/6",
      validation: "0/8",
      isolation: "0/5",
      pagination: "0/4",
      filtering: "0/4",
      hygiene: "4/5",
    },
    integrity: "clean",
    words: ["blocked by sign-in: could not sign in as alice: POST /api/auth/token/"],
    notes: {
      isolation: "not evaluated: could not sign in",
      crud: "not evaluated: could not sign in",
    },
  },
  {
    name: "missing-modules",
    style: "imports packages the grading environment lacks",
    build: async (ref) => {
      const dir = await withSettings(
        await variantOf(ref, { "tasks/throttles.py": src.missingModulesThrottle }),
        src.missingModulesSettings,
      );
      await appendTo(dir, "requirements.txt", "django-debug-toolbar==4.4.6\nredis==5.0.8\n");
      return dir;
    },
    status: "error",
    groups: {},
    integrity: "clean",
    words: [
      "debug_toolbar (config/settings.py, line",
      "redis (tasks/throttles.py, line 1)",
      "djangorestframework-simplejwt",
    ],
  },
];
