import { readFile } from "node:fs/promises";
import { AxeBuilder } from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { parseCsv } from "../src/modules/screening/csv-parse.js";

// The server of this spec starts from `seed-demo` (playwright.config.ts DEMO_SPECS).
const MANAGER = { email: "manager@demo.shortlist.dev", password: "shortlist-demo" };
const ROLE_TITLE = "Senior Django Engineer — Payments";
const NO_EVIDENCE = "Priya Raman";
const SHOTS = "test-results/shortlist";

async function signIn(page: Page) {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(MANAGER.email);
  await page.getByLabel("Password").fill(MANAGER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

async function expectNoSeriousViolations(page: Page, include: string) {
  const results = await new AxeBuilder({ page }).include(include).analyze();
  const serious = results.violations.filter(
    (v) => v.impact === "serious" || v.impact === "critical",
  );
  expect(
    serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}

const lowerBounds = async (page: Page) =>
  (await page.getByTestId("lower-bound").allTextContents()).map((t) =>
    t.trim() === "—" ? Number.NEGATIVE_INFINITY : Number(t),
  );

test("a hiring manager shortlists with confidence and an offer without evidence asks first", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page);
  await page.goto("/roles");
  await page.getByRole("link", { name: ROLE_TITLE }).click();
  await page.getByRole("link", { name: "Open the shortlist" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Shortlist — ${ROLE_TITLE}`);
  const table = page.getByRole("table", { name: /Shortlist of/ });
  await expect(table.getByRole("row")).not.toHaveCount(1);
  const rowCount = (await table.getByRole("row").count()) - 1;
  expect(rowCount).toBeGreaterThanOrEqual(3);
  await expect(page.getByText("Where τ² and σ² come from:")).toBeVisible();

  // Sort by the lower end of the band: best first, candidates without evidence last.
  const byComposite = await table.getByRole("rowheader").getByRole("link").allTextContents();
  await page.getByRole("button", { name: "Sort by lower bound" }).click();
  await expect(page.getByRole("heading", { name: /best first by lower bound/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sort by lower bound" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expect(table).toHaveCount(1);
  // The old order stays on screen until the new one arrives.
  await expect
    .poll(async () => {
      const bounds = await lowerBounds(page);
      return bounds.every((b, i) => i === 0 || (bounds[i - 1] ?? b) >= b);
    })
    .toBe(true);
  const byLower = await table.getByRole("rowheader").getByRole("link").allTextContents();
  expect([...byLower].sort()).toEqual([...byComposite].sort());
  await expectNoSeriousViolations(page, "main");
  await page.screenshot({ path: `${SHOTS}/shortlist-1280.png`, fullPage: true });

  // Why: the first row's breakdown, competency by competency, with who said what.
  const first = byLower[0] ?? "";
  await page.getByRole("button", { name: `Why: ${first}` }).click();
  const why = page.getByRole("region", { name: `Why: ${first}` });
  await expect(why).toBeFocused();
  await expect(why.getByRole("table").first()).toBeVisible();
  // Each rater's key takeaways are shown once, in their own list, not under every competency.
  const takeaways = why.getByRole("region", { name: "Key takeaways" }).getByRole("listitem");
  await expect(takeaways.first()).toBeVisible();
  const texts = await takeaways.locator("blockquote").allTextContents();
  const who = await takeaways.locator("span.small").allTextContents();
  expect(new Set(who).size).toBe(who.length); // one item per rater and stage
  const firstTakeaway = texts[0] ?? "";
  expect(firstTakeaway.length).toBeGreaterThan(10);
  // The demo's raters share stock phrases, so a text appears once per rater who wrote it.
  await expect(why.getByText(firstTakeaway, { exact: true })).toHaveCount(
    texts.filter((t) => t === firstTakeaway).length,
  );
  const unique = texts.find((t) => texts.indexOf(t) === texts.lastIndexOf(t));
  if (unique) await expect(why.getByText(unique, { exact: true })).toHaveCount(1);
  await expectNoSeriousViolations(page, "#why");
  await page.screenshot({ path: `${SHOTS}/why-1280.png`, fullPage: true });

  // The view adjusted for leniency: asked for, kept in the URL, and said on the page.
  const view = page.getByTestId("shortlist-view");
  await expect(view).toHaveText(/View: ratings as given/);
  await page.getByRole("checkbox", { name: "Rating adjusted for leniency" }).check();
  await expect(page).toHaveURL(/adjust=leniency/);
  await expect(view).toHaveText(/View: adjusted for leniency/);
  await expect(table).toHaveAccessibleName(/ratings adjusted for leniency/);
  await expect(page.getByText("Offsets taken off each rater")).toBeVisible();
  await expectNoSeriousViolations(page, "main");
  await page.screenshot({ path: `${SHOTS}/shortlist-leniency-1280.png`, fullPage: true });
  await page.getByRole("checkbox", { name: "Rating adjusted for leniency" }).uncheck();
  await expect(page).not.toHaveURL(/adjust=/);
  await expect(view).toHaveText(/View: ratings as given/);

  // Side by side: the top three.
  for (const name of byLower.slice(0, 3))
    await page.getByRole("checkbox", { name: `Compare ${name}` }).check();
  await page.getByRole("button", { name: "Compare selected (3)" }).click();
  const compare = page.getByRole("region", { name: "Side by side" });
  await expect(compare).toBeFocused();
  const numbers = compare.getByRole("table", { name: /Competency estimates/ });
  for (const name of byLower.slice(0, 3))
    await expect(numbers.getByRole("columnheader", { name })).toBeVisible();
  await expect(compare.locator(".recharts-surface").first()).toBeVisible();
  await expect(compare.getByRole("heading", { name: "Strengths" })).toHaveCount(3);
  await expectNoSeriousViolations(page, "#compare");
  await page.screenshot({ path: `${SHOTS}/compare-1280.png`, fullPage: true });

  // The CSV has the same rows as the page.
  const csvDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const csv = await readFile(await (await csvDownload).path(), "utf8");
  const [header, ...records] = parseCsv(csv);
  expect(header?.cells.length).toBeGreaterThan(5);
  expect(records).toHaveLength(rowCount);
  const names = new Set(byLower);
  expect(records.every((r) => r.cells.some((cell) => names.has(cell)))).toBe(true);

  // The PDF packet of the first candidate names them.
  const pdfDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: `PDF packet for ${first}` }).click();
  const pdf = new Uint8Array(await readFile(await (await pdfDownload).path()));
  expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe("%PDF-");
  const { text } = await extractText(await getDocumentProxy(pdf), { mergePages: true });
  expect(text).toContain(first);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(page.url().replace(/[?].*$/, "?sort=lower"));
  await expect(table).toBeVisible();
  // Only the table scrolls sideways at phone width, not the page.
  type TBox = { scrollWidth: number; clientWidth: number };
  const overflow = await page
    .locator("html")
    .evaluate((el: TBox) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${SHOTS}/shortlist-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  // An offer for a candidate with no evidence: walk them to the decision stage, then offer.
  await page.goto("/roles");
  await page.getByRole("link", { name: ROLE_TITLE }).click();
  // One stage at a time, each move confirmed by the board before the next.
  for (let step = 0; step < 8; step++) {
    const move = page.getByRole("button", { name: new RegExp(`^Move ${NO_EVIDENCE} to `) });
    const target = ((await move.getAttribute("aria-label")) ?? "").replace(/^Move .+? to /, "");
    await move.click();
    await expect(
      page.getByRole("status").filter({ hasText: `${NO_EVIDENCE} moved to ${target}.` }),
    ).toBeAttached();
    if (target === "Hiring decision") break;
  }
  await page.getByRole("link", { name: NO_EVIDENCE }).click();
  const decision = page.getByRole("region", { name: "Decision" });
  await decision.getByRole("radio", { name: "Make an offer" }).check();
  await decision
    .getByLabel("Rationale")
    .fill("Referred by the platform team; we would like to move quickly on this one.");
  await decision.getByRole("button", { name: "Record decision" }).click();
  const dialog = page.getByRole("dialog", { name: `Make an offer to ${NO_EVIDENCE}?` });
  await expect(dialog).toBeVisible();
  const missing = dialog.getByRole("list", { name: "Missing evidence" }).getByRole("listitem");
  await expect(missing.filter({ hasText: "no scorecard was submitted" }).first()).toBeVisible();
  await expect(missing.filter({ hasText: "has no evidence" }).first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/offer-confirmation-1280.png` });
  await dialog
    .getByLabel("Reason")
    .fill("The team worked with them for two years as a contractor.");
  await dialog.getByRole("button", { name: "Confirm offer" }).click();
  await expect(decision.getByText("Decision recorded: Make an offer.")).toBeVisible();
});
