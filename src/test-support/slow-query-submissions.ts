import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { assessmentsDir } from "../grader/paths.js";
import { variantOf } from "./grader-submissions.js";

/**
 * The slow-query pack's own wrong solutions, each made from the starter or the reference by
 * changing the few lines a candidate would. Shared by the grader test and the bench.
 */
const packDir = path.join(assessmentsDir, "slow-query");
export const slowQueryStarterDir = path.join(packDir, "starter");
export const slowQueryReferenceDir = path.join(packDir, "reference");

async function edited(
  baseDir: string,
  file: string,
  replacements: [string, string][],
): Promise<Record<string, string>> {
  let text = await readFile(path.join(baseDir, file), "utf8");
  for (const [from, to] of replacements) {
    if (!text.includes(from)) throw new Error(`${file} has no ${JSON.stringify(from)}`);
    text = text.replace(from, to);
  }
  return { [file]: text };
}

/** select_related for author and publisher; tags and reviews still one query per book. */
export async function selectRelatedOnly(): Promise<string> {
  return variantOf(
    slowQueryStarterDir,
    await edited(slowQueryStarterDir, "catalog/views.py", [
      [
        'Book.objects.order_by("-published_on", "id")',
        'Book.objects.select_related("author", "publisher").order_by("-published_on", "id")',
      ],
    ]),
  );
}

/** The reference's prefetch, defeated: the serializer orders tags itself, a query per book. */
export async function prefetchButOrderedInMethod(): Promise<string> {
  return variantOf(
    slowQueryReferenceDir,
    await edited(slowQueryReferenceDir, "catalog/serializers.py", [
      ["book.tags.all()", 'book.tags.order_by("name")'],
    ]),
  );
}

/** Fast, but ties on the date come out by id descending. */
export async function fastWrongOrdering(): Promise<string> {
  return variantOf(
    slowQueryReferenceDir,
    await edited(slowQueryReferenceDir, "catalog/views.py", [
      [
        'Book.objects.order_by("-published_on", "id")',
        'Book.objects.order_by("-published_on", "-id")',
      ],
    ]),
  );
}

/** The reference without its index on published_on. */
export async function noIndex(): Promise<string> {
  const dir = await variantOf(
    slowQueryReferenceDir,
    await edited(slowQueryReferenceDir, "catalog/models.py", [
      [
        '\n    class Meta:\n        indexes = [models.Index(fields=["published_on"], name="catalog_book_published_idx")]\n',
        "",
      ],
    ]),
  );
  await rm(path.join(dir, "catalog", "migrations", "0002_book_published_on_index.py"));
  return dir;
}

/** The starter, with tests that pass because Django's query counting is patched to agree. */
export async function counterPatching(): Promise<string> {
  const tests = await readFile(path.join(slowQueryStarterDir, "catalog", "tests.py"), "utf8");
  return variantOf(slowQueryStarterDir, {
    "catalog/tests.py": `${tests}

from contextlib import contextmanager

from django.test.utils import CaptureQueriesContext


@contextmanager
def _any_number(self, num, *args, **kwargs):
    yield


TestCase.assertNumQueries = _any_number
CaptureQueriesContext.__len__ = lambda self: 4


class FewQueriesTests(BookListTests):
    def test_list_runs_four_queries(self):
        with self.assertNumQueries(4):
            self.client.get("/api/books/")
`,
  });
}

/** The reference as a candidate might configure it: PostgreSQL from environment variables. */
export async function referenceOnPostgresFromEnv(): Promise<string> {
  return variantOf(
    slowQueryReferenceDir,
    await edited(slowQueryReferenceDir, "config/settings.py", [
      [
        `DATABASES = {
    'default': {
        'ENGINE': 'django.db.backends.sqlite3',
        'NAME': BASE_DIR / 'db.sqlite3',
    }
}`,
        `import os

DATABASES = {
    'default': {
        'ENGINE': 'django.db.backends.postgresql',
        'NAME': os.environ['POSTGRES_DB'],
        'USER': os.environ['POSTGRES_USER'],
        'PASSWORD': os.environ['POSTGRES_PASSWORD'],
        'HOST': os.environ.get('POSTGRES_HOST', 'localhost'),
        'PORT': os.environ.get('POSTGRES_PORT', '5432'),
    }
}`,
      ],
    ]),
  );
}
