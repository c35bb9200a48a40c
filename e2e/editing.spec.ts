import { expect, test } from "@playwright/test";
import type { APIRequestContext } from "@playwright/test";
import { expectNoSeriousViolations } from "./support/axe.js";
import { inviteAndJoin, setUpAdmin } from "./support/team.js";

type TStage = { id: string; name: string; kind: string };
type TRole = {
  id: string;
  title: string;
  scope: string;
  status: "open" | "closed";
  bar: number;
  competencyWeights: Record<string, number>;
  team: { userId: string; teamRole: string }[];
  stages: TStage[];
};
type TInterview = { id: string; scheduledAt: string; stageName: string };
type TCandidate = {
  email: string | null;
  phone: string | null;
  notes: string | null;
  links: { github: string | null };
};

const RESUME_TEXT = [
  "Jonas Berg",
  "jonas.berg@example.org",
  "Backend engineer with 6 years of Django and PostgreSQL.",
].join("\n");

/** A plain-text résumé through the same multipart upload the add-candidate form uses. */
async function uploadTextResume(
  request: APIRequestContext,
  candidateId: string,
  filename: string,
  text: string,
) {
  const session = await request.get("/api/auth/session");
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const response = await request.post(`/api/candidates/${candidateId}/resume`, {
    headers: { "x-csrf-token": csrfToken },
    multipart: { file: { name: filename, mimeType: "text/plain", buffer: Buffer.from(text) } },
  });
  expect(response.status()).toBe(201);
}

const SHOTS = "test-results/editing";
const NEW_TITLE = "Senior Django Engineer — Payments";
const NEW_SCOPE =
  "Owns the payments API end to end: schema changes, Celery jobs and the on-call runbook.";

/**
 * Everyday editing a hiring manager does in the browser, each change read back from the API so a
 * form that only looks saved fails: the role's details, weights and team, the interview plan
 * (add, rename, reorder, remove a stage), rescheduling and cancelling an interview, and a
 * candidate's profile (a same-name record flagged, the résumé reached, the details edited).
 */
test("a hiring manager edits the role, its team and plan, moves and cancels an interview, and edits a candidate", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { admin } = await setUpAdmin(browser);
  const mia = await inviteAndJoin(browser, admin, {
    email: "mia@example.com",
    name: "Mia Manager",
    role: "hiring_manager",
  });
  const ivan = await inviteAndJoin(browser, admin, {
    email: "ivan@example.com",
    name: "Ivan Interviewer",
    role: "interviewer",
  });
  const { role } = await admin<{ role: TRole }>("POST", "/api/roles", {
    title: "Django Engineer — Editing",
    level: "senior",
    fromTemplate: true,
    team: [{ userId: mia.userId, teamRole: "hiring_manager" }],
  });
  const { candidate } = await admin<{ candidate: { id: string } }>("POST", "/api/candidates", {
    name: "Jonas Berg",
    email: "jonas.berg@example.org",
  });
  const { application } = await admin<{ application: { id: string } }>(
    "POST",
    "/api/applications",
    { candidateId: candidate.id, roleId: role.id },
  );
  const readRole = async () => (await admin<{ role: TRole }>("GET", `/api/roles/${role.id}`)).role;

  const page = mia.page;
  await page.goto(`/roles/${role.id}`);
  await expect(page.getByRole("heading", { level: 1, name: role.title })).toBeVisible();
  await expect(
    page.getByRole("link", { name: "Résumé screening and bulk intake" }),
  ).toHaveAttribute("href", `/roles/${role.id}/screening`);

  // Mia adds a candidate whose name is Jonas's once case and spacing are folded: added all the
  // same, with a pointer to the record already on file.
  await page.getByText("Add a candidate").click();
  const addForm = page.getByRole("form", { name: "Add a candidate" });
  await addForm.getByLabel("Name").fill("jonas  BERG");
  await addForm.getByLabel("E-mail").fill("j.berg@example.net");
  await addForm.getByRole("button", { name: "Add candidate to this role" }).click();
  await expect(addForm.getByText("was added to the first stage.")).toBeVisible();
  await expect(addForm.getByText(/Possibly added before/)).toBeVisible();
  await expect(addForm.getByRole("link", { name: "Jonas Berg" })).toHaveAttribute(
    "href",
    `/candidates/${candidate.id}`,
  );
  const { candidates: found } = await admin<{ candidates: { id: string }[] }>(
    "GET",
    `/api/candidates?q=${encodeURIComponent("j.berg@example.net")}`,
  );
  const twin = found[0];
  if (!twin) throw new Error("the same-name candidate was not created");
  await expectNoSeriousViolations(page, "main");

  // The role's details: a scope too short is named on its field, and nothing is saved.
  await page.getByRole("button", { name: "Edit the role" }).click();
  const details = page.getByRole("form", { name: "Role details" });
  await details.getByLabel("Title").fill(NEW_TITLE);
  await details.getByLabel("Scope").fill("Payments.");
  await details.getByRole("button", { name: "Save the role" }).click();
  await expect(details.locator(".field-error").filter({ hasText: /^Scope / })).toBeVisible();
  expect((await readRole()).title).toBe(role.title);
  await expectNoSeriousViolations(page, "main");

  // Then a good scope, a closed status, a new bar and five points of weight moved.
  await details.getByLabel("Scope").fill(NEW_SCOPE);
  await details.getByLabel("Status").selectOption("closed");
  await details.getByLabel("Shortlist bar").fill("3.2");
  const rows = details.locator(".weight-row");
  const weighted: { name: string; value: number; index: number }[] = [];
  for (let index = 0; index < (await rows.count()); index++) {
    const value = Number(await rows.nth(index).locator("input").inputValue());
    const name = (await rows.nth(index).locator("span").first().textContent()) ?? "";
    if (value >= 5) weighted.push({ name, value, index });
  }
  const [gains, gives] = weighted;
  if (!gains || !gives) throw new Error("the template weights fewer than two competencies");
  await rows
    .nth(gains.index)
    .locator("input")
    .fill(String(gains.value + 5));
  await rows
    .nth(gives.index)
    .locator("input")
    .fill(String(gives.value - 5));
  await expect(details.getByText("Total 100 of 100")).toBeVisible();
  await details.getByRole("button", { name: "Save the role" }).click();
  await expect(page.getByRole("heading", { level: 1, name: NEW_TITLE })).toBeVisible();
  await expect(page.getByText("Senior · Closed", { exact: false })).toBeVisible();
  const scope = page.getByRole("region", { name: "Scope" });
  await expect(scope.getByText(NEW_SCOPE)).toBeVisible();
  await expect(scope.getByText("Shortlist bar 3.2 of 4")).toBeVisible();
  await expect(scope.getByText(`${gains.name} ${gains.value + 5}`)).toBeVisible();
  await expect(scope.getByText(`${gives.name} ${gives.value - 5}`)).toBeVisible();
  const edited = await readRole();
  expect(edited).toMatchObject({ title: NEW_TITLE, scope: NEW_SCOPE, status: "closed", bar: 3.2 });
  expect(Object.values(edited.competencyWeights).reduce((a, b) => a + b, 0)).toBe(100);
  expect(edited.competencyWeights).not.toEqual(role.competencyWeights);

  // The team: Ivan, found by a search, joins as an interviewer and moves to "On the team".
  await page.getByRole("button", { name: "Edit the team" }).click();
  const team = page.getByRole("form", { name: "Hiring team" });
  await team.getByLabel("Find people by name or e-mail").fill("ivan");
  const everyone = team.getByRole("list", { name: "Everyone else" });
  await expect(everyone.getByRole("listitem")).toHaveCount(1);
  await expect(team.getByTestId("team-picker-count")).toHaveText("Showing 1 of 1 people");
  await everyone.getByLabel("Team role for Ivan Interviewer").selectOption("interviewer");
  await expect(
    team.getByRole("list", { name: "On the team" }).getByLabel("Team role for Ivan Interviewer"),
  ).toHaveValue("interviewer");
  await team.getByRole("button", { name: /^Save/ }).click();
  await expect(
    page.getByRole("region", { name: "Hiring team" }).getByText("Ivan Interviewer"),
  ).toBeVisible();
  expect((await readRole()).team).toContainEqual(
    expect.objectContaining({ userId: ivan.userId, teamRole: "interviewer" }),
  );

  // The plan: a new stage, renamed and moved one place earlier; a stage nobody is in, removed.
  const [firstStage] = role.stages;
  const removable = role.stages.find(
    (s, i) => i > 1 && s.kind !== "decision" && i < role.stages.length - 2,
  );
  if (!firstStage || !removable) throw new Error("the template has too few stages");
  const plan = page.getByRole("region", { name: "Interview plan" });
  await plan.getByRole("button", { name: "Edit plan" }).click();
  await plan.getByRole("button", { name: "Add a stage" }).click();
  const fresh = plan.getByRole("group", { name: "New interview" });
  await fresh.getByLabel("Stage name").fill("Pairing on a production bug");
  await plan.getByRole("button", { name: "Move Pairing on a production bug earlier" }).click();
  await plan.getByRole("button", { name: `Remove ${removable.name}` }).click();
  await expectNoSeriousViolations(page, "main");
  await page.screenshot({ path: `${SHOTS}-plan.png`, fullPage: true });
  await plan.getByRole("button", { name: "Save plan" }).click();
  await expect(plan.getByText("The interview plan was saved.")).toBeVisible();
  const before = role.stages.filter((s) => s.id !== removable.id).map((s) => s.name);
  const decisionAt = before.length - 1; // the new stage went before the decision, then one earlier
  const expected = [
    ...before.slice(0, decisionAt - 1),
    "Pairing on a production bug",
    ...before.slice(decisionAt - 1),
  ];
  expect((await readRole()).stages.map((s) => s.name)).toEqual(expected);
  await expect(plan.getByRole("heading", { level: 3 })).toHaveText(
    expected.map((name) => new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} `)),
  );

  // An interview: rescheduled to a new time, then cancelled.
  const tomorrow = new Date(Date.now() + 24 * 3600_000);
  tomorrow.setUTCHours(10, 0, 0, 0);
  const { interviews } = await admin<{ interviews: TInterview[] }>(
    "POST",
    `/api/applications/${application.id}/interviews`,
    { stageId: firstStage.id, interviewerIds: [ivan.userId], scheduledAt: tomorrow.toISOString() },
  );
  const [interview] = interviews;
  if (!interview) throw new Error("no interview was scheduled");
  await page.goto(`/applications/${application.id}`);
  const who = `${firstStage.name} with Ivan Interviewer`;
  await page.getByRole("button", { name: `Reschedule ${who}` }).click();
  const moveForm = page.getByRole("form", { name: `Reschedule ${who}` });
  const later = new Date(tomorrow.getTime() + 2 * 24 * 3600_000 + 90 * 60_000);
  const local = new Date(later.getTime() - later.getTimezoneOffset() * 60_000)
    .toISOString()
    .slice(0, 16);
  await moveForm.getByLabel("New date and time").fill(local);
  await moveForm.getByRole("button", { name: "Save the new time" }).click();
  await expect(moveForm).toHaveCount(0);
  const listed = async () =>
    (
      await admin<{ application: { interviews: TInterview[] } }>(
        "GET",
        `/api/applications/${application.id}`,
      )
    ).application.interviews;
  await expect.poll(async () => (await listed())[0]?.scheduledAt).toBe(later.toISOString());
  await expectNoSeriousViolations(page, "main");

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: `Cancel ${who}` }).click();
  await expect(page.getByRole("button", { name: `Reschedule ${who}` })).toHaveCount(0);
  await expect.poll(async () => (await listed()).length).toBe(0);

  // The candidates list flags both same-name records on their rows, naming the other one.
  await page.goto("/candidates");
  const jonasRow = page.getByRole("row").filter({ hasText: "Jonas Berg" }).first();
  await expect(jonasRow.getByText("Possible duplicate")).toBeVisible();
  await expect(jonasRow).toContainText(/may be the same person as jonas\s+BERG/);
  await expectNoSeriousViolations(page, "main");

  // The candidate: the same-name record is flagged on Jonas's profile, saying why; then Mia
  // reaches the résumé from it and edits the profile.
  await uploadTextResume(mia.context.request, candidate.id, "jonas-berg.txt", RESUME_TEXT);
  await page.goto(`/candidates/${candidate.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Jonas Berg" })).toBeVisible();
  const duplicates = page.getByRole("region", { name: "Possible duplicate" });
  await expect(duplicates.getByText("Same name:")).toBeVisible();
  await expect(duplicates.getByRole("link", { name: /jonas\s+BERG/ })).toHaveAttribute(
    "href",
    `/candidates/${twin.id}`,
  );
  // The résumé is reached from the profile and downloads as it was uploaded.
  const resume = page.getByRole("region", { name: "Résumé" });
  const downloadLink = resume.getByRole("link", { name: "Download jonas-berg.txt" });
  await expect(downloadLink).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), downloadLink.click()]);
  expect(download.suggestedFilename()).toBe("jonas-berg.txt");
  await expectNoSeriousViolations(page, "main");

  // Escape closes the form unsaved and gives the keyboard back to the button that opened it.
  const editProfile = page.getByRole("button", { name: "Edit profile" });
  await editProfile.click();
  const profileForm = page.getByRole("form", { name: "Edit profile" });
  await expect(profileForm.getByLabel("Name")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(profileForm).toHaveCount(0);
  await expect(editProfile).toBeFocused();

  // Bad input is named on its fields, and a taken e-mail on the e-mail field; nothing is saved.
  await page.keyboard.press("Enter");
  await profileForm.getByLabel("Phone").fill("call me");
  await profileForm.getByLabel("GitHub").fill("github.com/jonasberg");
  await profileForm.getByRole("button", { name: "Save changes" }).click();
  await expect(profileForm.locator(".field-error").filter({ hasText: /^Phone / })).toBeVisible();
  await expect(profileForm.locator(".field-error").filter({ hasText: /^GitHub / })).toBeVisible();
  await expectNoSeriousViolations(page, "main");
  await profileForm.getByLabel("Phone").fill("+46 8 123 456 78");
  await profileForm.getByLabel("GitHub").fill("https://github.com/jonasberg");
  await profileForm.getByLabel("E-mail").fill("j.berg@example.net");
  await profileForm.getByRole("button", { name: "Save changes" }).click();
  await expect(
    profileForm.locator(".field-error").filter({ hasText: /^E-mail is already on file/ }),
  ).toBeVisible();
  const readCandidate = async () =>
    (await admin<{ candidate: TCandidate }>("GET", `/api/candidates/${candidate.id}`)).candidate;
  expect((await readCandidate()).phone).toBeNull();

  // Then a free e-mail: saved, shown, and read back from the API.
  await profileForm.getByLabel("E-mail").fill("jonas@berg.example");
  await profileForm.getByLabel("Notes").fill("Prefers a start in spring.");
  await profileForm.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("The profile was saved.")).toBeVisible();
  const profile = page.getByRole("region", { name: "Profile" });
  await expect(profile.getByRole("link", { name: "jonas@berg.example" })).toBeVisible();
  await expect(profile.getByText("+46 8 123 456 78")).toBeVisible();
  await expect(profile.getByText("Prefers a start in spring.")).toBeVisible();
  expect(await readCandidate()).toMatchObject({
    email: "jonas@berg.example",
    phone: "+46 8 123 456 78",
    notes: "Prefers a start in spring.",
    links: { github: "https://github.com/jonasberg" },
  });
  await page.screenshot({ path: `${SHOTS}-candidate.png`, fullPage: true });
});
