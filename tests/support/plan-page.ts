import type { Page } from "playwright-core";
import { expect } from "vitest";
import { signedInPage } from "./browser.ts";

// Where an evaluation page's force-fields, actions and presence are, as a person finds them
// (by role and name), for the tests that work in them.

/** A criterion's force-field ("Force-field for 2.1"). */
export const forceField = (page: Page, code: string) =>
  page.getByRole("group", { name: `Force-field for ${code}` });

/** One factor of it, by its name ("Helping factor 1"). */
export const factor = (page: Page, code: string, name: string) =>
  forceField(page, code).getByRole("group", { name, exact: true });

/** A criterion's action plan ("Actions for 2.1"). */
export const actions = (page: Page, code: string) =>
  page.getByRole("group", { name: `Actions for ${code}` });

/** One action of it, by its name ("Action 1"). */
export const action = (page: Page, code: string, name: string) =>
  actions(page, code).getByRole("group", { name, exact: true });

/** Someone's entry in the page's presence list. */
export const presenceOf = (page: Page, name: string) =>
  page
    .getByRole("region", { name: "People on this page" })
    .getByRole("listitem")
    .filter({ hasText: name });

/** An area of an evaluation page as the tests open it: its title and the code of its first criterion. */
export interface PlanArea {
  id: string;
  title: string;
  first: string;
}
export const INCLUSION: PlanArea = { id: "inclusion", title: "Inclusion", first: "2.1" };
export const CURRICULUM: PlanArea = {
  id: "curriculum-teaching",
  title: "Curriculum and teaching",
  first: "3.1",
};

/**
 * An evaluation's area, every criterion open, once the server has said this person may write
 * (its first force-field offers "Add a helping factor").
 */
export async function openPlanArea(
  baseUrl: string,
  evaluationId: string,
  userId: string,
  area: PlanArea = INCLUSION,
): Promise<Page> {
  const page = await signedInPage(baseUrl, userId);
  await page.goto(`${baseUrl}/evaluations/${evaluationId}?area=${area.id}`);
  await page.getByRole("heading", { level: 2, name: area.title }).waitFor();
  await page.getByRole("button", { name: "Expand all" }).click();
  await forceField(page, area.first)
    .getByRole("button", { name: "Add a helping factor" })
    .waitFor();
  return page;
}

/** The page's save state says "Saved". */
export const saved = (page: Page) =>
  page
    .getByRole("status")
    .filter({ hasText: /^Saved$/ })
    .waitFor({ timeout: 10_000 });

/** Each page comes to read `expected` (as `read` finds it) within ten seconds. */
export async function expectEach(
  pages: Page[],
  read: (page: Page) => Promise<unknown>,
  expected: unknown,
) {
  for (const page of pages)
    await expect.poll(() => read(page), { timeout: 10_000 }).toEqual(expected);
}
