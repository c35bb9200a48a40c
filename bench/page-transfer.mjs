#!/usr/bin/env node
// Bytes a cold visit to one page downloads (JS, CSS, API JSON), measured in Debian's Chromium
// against a running server that holds the demo organisation (`shortlist seed-demo`):
//   node bench/page-transfer.mjs http://127.0.0.1:3000 [page=application|portal-less routes]
import { chromium } from "@playwright/test";

const base = process.argv[2] ?? "http://127.0.0.1:3000";
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox"],
});

async function signedInContext() {
  const context = await browser.newContext({ baseURL: base });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("E-mail").fill("manager@demo.shortlist.dev");
  await page.getByLabel("Password").fill("shortlist-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("navigation", { name: "Main" }).waitFor();
  return { context, page };
}

const { context, page } = await signedInContext();
const response = await page.request.get("/api/applications?status=active&limit=1");
const applicationId = (await response.json()).applications[0].id;
const storage = await context.storageState();
await context.close();

/** A fresh context (empty cache) with the session cookie: what a new tab downloads. */
async function measure(path) {
  const cold = await browser.newContext({ baseURL: base, storageState: storage });
  const tab = await cold.newPage();
  const totals = {};
  tab.on("requestfinished", async (request) => {
    const sizes = await request.sizes();
    const type = request.resourceType();
    const kind = type === "fetch" || type === "xhr" ? "api" : type;
    totals[kind] = (totals[kind] ?? 0) + sizes.responseBodySize + sizes.responseHeadersSize;
  });
  await tab.goto(path);
  await tab.waitForLoadState("networkidle");
  await tab.waitForTimeout(500);
  await cold.close();
  return totals;
}

const kb = (bytes) => `${((bytes ?? 0) / 1024).toFixed(1)} kB`;
for (const [name, path] of [
  ["application page", `/applications/${applicationId}`],
  ["dashboard", "/"],
]) {
  const totals = await measure(path);
  const sum = Object.values(totals).reduce((a, b) => a + b, 0);
  console.log(
    `${name}: total ${kb(sum)} · script ${kb(totals.script)} · api ${kb(totals.api)} · css ${kb(totals.stylesheet)} · document ${kb(totals.document)}`,
  );
}
await browser.close();
