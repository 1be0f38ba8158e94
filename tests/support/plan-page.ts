import type { Page } from "playwright-core";

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
