import type { Locator, Page } from "@playwright/test";

/** Opens the top bar's Admin fold (admins only) and returns the link named `name` inside it. */
export async function adminLink(page: Page, name: string): Promise<Locator> {
  const nav = page.getByRole("navigation", { name: "Main" });
  const fold = nav.locator("details", { has: page.locator("summary", { hasText: "Admin" }) });
  if ((await fold.getAttribute("open")) === null) await fold.locator("summary").click();
  return fold.getByRole("link", { name });
}
