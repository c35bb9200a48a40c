import { AxeBuilder } from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import type { APIRequestContext, Page } from "@playwright/test";

const PASSWORD = "structured hiring 2026";
const ROLE_TITLE = "Django Engineer — Board";
const APPLICANTS = 30;
const SHOTS = "test-results/board";

/** JSON API calls as the signed-in browser context, with the CSRF double-submit header. */
async function apiAs(request: APIRequestContext) {
  const session = await request.get("/api/auth/session");
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  return async <T>(method: "GET" | "POST", url: string, data?: unknown): Promise<T> => {
    const response = await request.fetch(url, {
      method,
      headers: { "x-csrf-token": csrfToken },
      ...(data === undefined ? {} : { data }),
    });
    if (!response.ok())
      throw new Error(`${method} ${url}: ${response.status()} ${await response.text()}`);
    return (await response.json()) as T;
  };
}

async function expectNoSeriousOrModerate(page: Page, include: string) {
  const results = await new AxeBuilder({ page }).include(include).analyze();
  const found = results.violations.filter((v) =>
    ["critical", "serious", "moderate"].includes(v.impact ?? ""),
  );
  expect(found.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual(
    [],
  );
}

test("a busy board pages per column, moves by keyboard twice, rejects in bulk, and the home page links to every waiting screen", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  const setup = await page.request.get("/api/auth/session");
  const setupCsrf = ((await setup.json()) as { csrfToken: string }).csrfToken;
  const created = await page.request.post("/api/auth/setup", {
    headers: { "x-csrf-token": setupCsrf },
    data: { email: "ada@example.com", name: "Ada Admin", password: PASSWORD },
  });
  expect(created.status()).toBe(201);
  const api = await apiAs(page.request);
  const { role } = await api<{ role: { id: string; stages: { id: string; name: string }[] } }>(
    "POST",
    "/api/roles",
    { title: ROLE_TITLE, level: "mid", fromTemplate: true, team: [] },
  );
  const [first, second, third] = role.stages;
  if (!first || !second || !third) throw new Error("the template has fewer than three stages");
  // More applicants in the first stage than one page of a column holds.
  for (let i = 1; i <= APPLICANTS; i++) {
    const { candidate } = await api<{ candidate: { id: string } }>("POST", "/api/candidates", {
      name: `Applicant ${String(i).padStart(2, "0")}`,
      email: `applicant${i}@example.org`,
    });
    await api("POST", "/api/applications", { candidateId: candidate.id, roleId: role.id });
  }

  await page.goto(`/roles/${role.id}`);
  await expect(page.getByRole("heading", { level: 1, name: ROLE_TITLE })).toBeVisible();
  const column = (stage: { name: string }) =>
    page.getByRole("list", { name: `${stage.name} applications` });
  const firstColumn = column(first);
  await expect(firstColumn.getByRole("listitem")).toHaveCount(20);
  await expect(page.getByText(`20 of ${APPLICANTS}`)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}-1280.png`, fullPage: true });
  await page.getByRole("button", { name: `Load more in ${first.name}` }).click();
  await expect(firstColumn.getByRole("listitem")).toHaveCount(APPLICANTS);
  await expect(page.getByText(`of ${APPLICANTS}`)).toHaveCount(0);
  // Newest first by default: every applicant once, the first one made at the bottom.
  await expect(firstColumn.getByRole("link").last()).toHaveText("Applicant 01");

  // Two → presses in a row: the card keeps the focus in its new column both times.
  const card = firstColumn.getByRole("listitem").filter({ hasText: "Applicant 07" });
  await card.focus();
  await page.keyboard.press("ArrowRight");
  const moved = column(second).getByRole("listitem").filter({ hasText: "Applicant 07" });
  await expect(moved).toBeFocused();
  await expect(page.getByRole("status").filter({ hasText: "moved to" })).toHaveText(
    `Applicant 07 moved to ${second.name}.`,
  );
  await page.keyboard.press("ArrowRight");
  const twice = column(third).getByRole("listitem").filter({ hasText: "Applicant 07" });
  await expect(twice).toBeFocused();
  await expect(page.getByRole("status").filter({ hasText: "moved to" })).toHaveText(
    `Applicant 07 moved to ${third.name}.`,
  );

  // Select two and reject them with one reason.
  await page.getByRole("checkbox", { name: "Select Applicant 03" }).check();
  await page.getByRole("checkbox", { name: "Select Applicant 04" }).check();
  const bulk = page.getByRole("group", { name: "Selected applications" });
  await expect(bulk.getByText("2 selected")).toBeVisible();
  await expectNoSeriousOrModerate(page, "main");
  await bulk.getByRole("button", { name: "Reject selected…" }).click();
  const dialog = page.getByRole("dialog", { name: "Reject 2 applications" });
  await dialog.getByLabel("Reason").fill("Looking for more Django REST Framework depth.");
  await dialog.getByRole("button", { name: "Reject application" }).click();
  await expect(page.getByRole("status").filter({ hasText: "rejected" })).toHaveText(
    "2 applications rejected.",
  );
  await expect(firstColumn.getByRole("link", { name: "Applicant 03" })).toHaveCount(0);
  await expect(firstColumn.getByRole("listitem")).toHaveCount(APPLICANTS - 3);
  const rejected = await api<{ applications: { closedReason: string }[]; total: number }>(
    "GET",
    `/api/applications?roleId=${role.id}&status=rejected`,
  );
  expect(rejected.total).toBe(2);
  expect(rejected.applications.map((a) => a.closedReason)).toEqual([
    "Looking for more Django REST Framework depth.",
    "Looking for more Django REST Framework depth.",
  ]);
  await expectNoSeriousOrModerate(page, "main");

  // The home page summarises what waits for a screen and links to the whole list, a page at a time.
  const toScreen = APPLICANTS - 3;
  await page.goto("/");
  const summary = page.getByRole("region", { name: /^Applications to screen/ });
  await summary.getByRole("link", { name: `See all ${toScreen}` }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Applications to screen" }),
  ).toBeVisible();
  const waiting = page.getByTestId("waiting-items").getByRole("listitem");
  await expect(waiting).toHaveCount(25);
  await expect(page.getByTestId("waiting-count")).toHaveText(
    `Showing 25 of ${toScreen} applications`,
  );
  await page.getByRole("button", { name: "Show more" }).click();
  await expect(waiting).toHaveCount(toScreen);
  await expect(page.getByTestId("waiting-count")).toHaveText(
    `Showing ${toScreen} of ${toScreen} applications`,
  );
  await expect(page.getByRole("button", { name: "Show more" })).toHaveCount(0);
  // Newest first, each applicant once: the first one made is last, the rejected ones are gone.
  await expect(waiting.last()).toHaveText(new RegExp("^Applicant 01"));
  await expect(page.getByTestId("waiting-items").getByText("Applicant 03")).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}-waiting.png`, fullPage: true });
  await expectNoSeriousOrModerate(page, "main");
  // The role's shortlist says how many rows there are and pages through them.
  const active = APPLICANTS - 2;
  await page.goto(`/roles/${role.id}/shortlist`);
  const pager = page.getByRole("navigation", { name: "Shortlist pages" });
  const rows = page.locator(".shortlist-table tbody tr");
  await expect(pager.getByTestId("shortlist-count")).toHaveText(`Showing 1–${active} of ${active}`);
  await expect(rows).toHaveCount(active);
  await pager.getByLabel("Rows per page").selectOption("25");
  await expect(pager.getByTestId("shortlist-count")).toHaveText(
    `Showing 1–25 of ${active} · page 1 of 2`,
  );
  await expect(rows).toHaveCount(25);
  await pager.getByRole("button", { name: "Next page" }).click();
  await expect(pager.getByTestId("shortlist-count")).toHaveText(
    `Showing 26–${active} of ${active} · page 2 of 2`,
  );
  await expect(rows).toHaveCount(active - 25);
  await expect(pager.getByRole("button", { name: "Next page" })).toBeDisabled();
  await page.screenshot({ path: `${SHOTS}-shortlist-page-2.png`, fullPage: true });
  await expectNoSeriousOrModerate(page, "main");
  await pager.getByRole("button", { name: "Previous page" }).click();
  await expect(rows).toHaveCount(25);

  await page.goto(`/roles/${role.id}`);
  await expect(firstColumn.getByRole("listitem")).toHaveCount(20);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}-390.png`, fullPage: true });
  const overflow = await page
    .locator("html")
    .evaluate(
      (el: { scrollWidth: number; clientWidth: number }) => el.scrollWidth - el.clientWidth,
    );
  expect(overflow).toBeLessThanOrEqual(0);
});
