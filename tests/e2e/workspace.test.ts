import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { documentName } from "../../collab/document-name.ts";
import { recordPairing } from "../../models/insight/pairing.ts";
import { loadActor } from "../../models/membership/membership.ts";
import { newRequestId } from "../../models/input.ts";
import type { AppServer } from "../../server/app.ts";
import { createWorkspace } from "../../server/commands/workspace.ts";
import { scheduleWorkspaceMeeting } from "../../server/commands/workspace-meeting.ts";
import { toLondonLocal } from "../../models/meeting/schedule.ts";
import { preloadAxe, checkPage } from "../support/axe.ts";
import {
  allowBrowserConsoleError,
  pressAcrossTakeOver,
  signedInPage,
  useBrowser,
} from "../support/browser.ts";
import { connectClient } from "../support/collab-client.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildUser, buildWorld } from "../support/factories.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";

// Two schools in one joint workspace, live: from an accepted pairing to both typing, staff of
// both co-editing and adding to the library, a trust leader observing, and a shared criterion.
useTestDatabase();
useBrowser();

let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let leaderB: { id: string };
let workspacePath = "";
const CRITERION = { id: "incl-1", code: "2.1" };

beforeAll(async () => {
  world = await buildWorld();
  leaderB = await buildUser("schoolLeader", world.trust, world.otherSchool, "Jordan Lead");
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

const notes = (page: Page) => page.getByRole("textbox", { name: "Shared notes" });

async function whenWritable(page: Page) {
  await expect.poll(() => notes(page).isEditable(), { timeout: 10_000 }).toBe(true);
}

async function noProblemsAt390(page: Page) {
  await preloadAxe(page.context());
  await page.reload();
  await page.getByRole("heading", { level: 1 }).waitFor();
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(200);
    expect(await checkPage(page, { tablesMayScroll: true })).toEqual([]);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** A new workspace of the first school, the other school invited. */
async function invitingWorkspace(title: string) {
  const leader = { actor: (await loadActor(world.people.schoolLeader.id))!, collab: server.collab };
  const { workspace } = await createWorkspace(leader, {
    leadSchoolId: world.school.id,
    title,
    schoolIds: [world.otherSchool.id],
    requestId: newRequestId(),
  });
  return { leader, workspace };
}

describe("a joint workspace, live in two browsers", () => {
  it("from an accepted pairing to both schools typing in one workspace in two clicks", async () => {
    const { pairing } = await recordPairing({
      trustId: world.trust.id,
      frameworkId: world.evaluation.frameworkId,
      areaId: "inclusion",
      areaTitle: "Inclusion",
      supportedSchoolId: world.otherSchool.id,
      centreSchoolId: world.school.id,
      explanation: "A centre of expertise in inclusion, paired with a school building it.",
      acceptedBy: world.people.trustAdmin.id,
    });
    expect(pairing.id).toBeTruthy();
    let actions = 0;
    const a = await signedInPage(server.url, world.people.schoolLeader.id);
    await a.goto(`${server.url}/workspaces`);
    await a.getByRole("button", { name: "Start a joint workspace" }).click();
    actions++;
    await a.getByRole("heading", { level: 1, name: /Inclusion:/ }).waitFor();
    workspacePath = new URL(a.url()).pathname;

    const b = await signedInPage(server.url, leaderB.id);
    await b.goto(`${server.url}/workspaces`);
    await b.getByRole("button", { name: `Accept for ${world.otherSchool.name}` }).click();
    actions++;
    await b.getByRole("heading", { level: 1, name: /Inclusion:/ }).waitFor();
    expect(new URL(b.url()).pathname).toBe(workspacePath);

    await Promise.all([whenWritable(a), whenWritable(b)]);
    await notes(a).click();
    await a.keyboard.type("From Riverside: ");
    await expect
      .poll(() => notes(b).textContent(), { timeout: 10_000 })
      .toContain("From Riverside:");
    await notes(b).click();
    await b.keyboard.press("End");
    await b.keyboard.type("and from the other school.");
    await expect
      .poll(() => notes(a).textContent(), { timeout: 10_000 })
      .toContain("and from the other school.");
    // Two clicks (besides opening /workspaces) from an accepted pairing to both typing.
    expect(actions).toBe(2);
    await a.context().close();
    await b.context().close();
  });

  it("staff of both schools co-edit and add to the library live; a trust leader observes", async () => {
    // Each school's leader chooses a member of their staff on the members page.
    for (const [leaderId, school, person] of [
      [world.people.schoolLeader.id, world.school, "Alex Staff"],
      [leaderB.id, world.otherSchool, "Jordan Other"],
    ] as const) {
      const leader = await signedInPage(server.url, leaderId);
      await leader.goto(`${server.url}${workspacePath}/members`);
      const section = leader.getByRole("region", { name: new RegExp(school.name) });
      await section
        .getByRole("group", { name: `Who from ${school.name} joins` })
        .getByRole("checkbox", { name: person })
        .check();
      await section.getByRole("button", { name: "Save members" }).click();
      await leader.getByRole("status").filter({ hasText: "Members saved." }).waitFor();
      await leader.context().close();
    }

    const a = await signedInPage(server.url, world.people.staff.id);
    const b = await signedInPage(server.url, world.people.otherStaff.id);
    const observer = await signedInPage(server.url, world.people.trustLeader.id);
    for (const page of [a, b, observer]) await page.goto(`${server.url}${workspacePath}`);
    await Promise.all([whenWritable(a), whenWritable(b)]);
    await notes(a).click();
    await a.keyboard.press("End");
    await a.keyboard.type(" Staff note.");
    await expect.poll(() => notes(b).textContent(), { timeout: 10_000 }).toContain("Staff note.");
    await expect
      .poll(() => notes(observer).textContent(), { timeout: 10_000 })
      .toContain("Staff note.");

    // The observer reads only, and shows as observing to the others.
    await observer
      .getByRole("note")
      .filter({ hasText: "You are observing this workspace" })
      .waitFor();
    expect(await notes(observer).getAttribute("aria-readonly")).toBe("true");
    await expect
      .poll(
        () => a.getByRole("region", { name: "People on this page" }).textContent({ timeout: 2000 }),
        { timeout: 10_000 },
      )
      .toContain("David Leader");

    // B adds a practice; A and the observer see it without reloading.
    await b.getByText("Add a practice", { exact: true }).click();
    const form = b
      .locator("form")
      .filter({ has: b.getByRole("button", { name: "Add to the library" }) });
    await form.getByLabel("Title").fill("Reading for pleasure plan");
    await form.getByLabel("Short description").fill("How we run book clubs.");
    await form.getByLabel("Link").fill("https://example.org/book-clubs");
    await form.getByRole("button", { name: "Add to the library" }).click();
    await b.getByRole("status").filter({ hasText: "added to the library" }).waitFor();
    for (const page of [a, observer]) {
      await page
        .getByRole("link", { name: "Reading for pleasure plan" })
        .waitFor({ timeout: 10_000 });
    }
    expect(
      await a.getByText(`From ${world.otherSchool.name} · Jordan Other`).count(),
    ).toBeGreaterThan(0);

    await noProblemsAt390(a);
    await noProblemsAt390(observer);
    for (const page of [a, b, observer]) await page.context().close();
  });

  it("a school shares a criterion and the other school sees it", async () => {
    // School A's narrative for 2.1, written in its own evaluation.
    const writer = connectClient(
      server.url,
      documentName("evaluation", world.evaluation.id),
      await cookieFor(world.people.staff.id),
    );
    await writer.synced;
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText("Every pupil with SEND has a plan reviewed each term.")]);
    writer.doc.getXmlFragment(`narrative.${CRITERION.id}`).insert(0, [paragraph]);
    await writer.whenSaved();
    writer.destroy();

    const b = await signedInPage(server.url, world.people.otherStaff.id);
    await b.goto(`${server.url}${workspacePath}`);
    await whenWritable(b);

    const a = await signedInPage(server.url, world.people.staff.id);
    await a.goto(
      `${server.url}/evaluations/${world.evaluation.id}?area=inclusion&criterion=${CRITERION.id}`,
    );
    await a.getByRole("link", { name: `Share ${CRITERION.code} to a workspace` }).click();
    await a
      .getByRole("heading", { level: 1, name: `Share ${CRITERION.code} to a workspace` })
      .waitFor();
    await noProblemsAt390(a);
    await a.getByRole("button", { name: "Share to the workspace" }).click();
    await a.getByRole("status").filter({ hasText: "Shared" }).waitFor();

    await b
      .getByText("Every pupil with SEND has a plan reviewed each term.")
      .waitFor({ timeout: 10_000 });
    expect(await b.getByText(`Shared by Alex Staff, ${world.school.name}`).count()).toBe(1);
    await noProblemsAt390(b);
    for (const page of [a, b]) await page.context().close();
  });

  it("a member schedules a meeting and writes its minutes live; the other school and an observer see them", async () => {
    const a = await signedInPage(server.url, world.people.staff.id);
    const b = await signedInPage(server.url, world.people.otherStaff.id);
    for (const page of [a, b]) await page.goto(`${server.url}${workspacePath}`);
    await whenWritable(b);

    await a.getByText("Schedule a meeting", { exact: true }).click();
    const form = a
      .locator("form")
      .filter({ has: a.getByRole("button", { name: "Schedule the meeting" }) });
    // A refused form keeps the fields and says what to fix beside them.
    allowBrowserConsoleError(/status of 400 \(Bad Request\)/);
    await form.getByRole("button", { name: "Schedule the meeting" }).click();
    await a.getByText("Give the meeting a title of at least 3 characters.").waitFor();
    await form.getByLabel("Title").fill("Phonics review");
    await form.getByLabel("Date and time (UK time)").fill("2027-03-02T15:30");
    await form.getByLabel("Length").selectOption("60");
    await form.getByLabel("Video call link").fill("https://meet.example.org/phonics");
    await form.getByLabel("Agenda").fill("Where each school is\nDecodable books\nNext steps");
    await form.getByRole("button", { name: "Schedule the meeting" }).click();
    await a.getByRole("heading", { level: 1, name: "Phonics review" }).waitFor();
    const meetingPath = new URL(a.url()).pathname;
    expect(meetingPath).toMatch(new RegExp(`^${workspacePath}/meetings/[0-9a-f]{24}$`));
    expect(await a.getByRole("link", { name: "Add to calendar" }).getAttribute("href")).toBe(
      `${meetingPath}.ics`,
    );

    // School B's open workspace page lists it without reloading.
    await b.getByRole("link", { name: "Phonics review" }).click({ timeout: 10_000 });
    await b.getByRole("heading", { level: 1, name: "Phonics review" }).waitFor();
    for (const item of ["Where each school is", "Decodable books", "Next steps"])
      expect(await b.getByRole("listitem").filter({ hasText: item }).count()).toBe(1);

    const minutes = (page: Page) => page.getByRole("textbox", { name: "Minutes" });
    await Promise.all(
      [a, b].map((page) =>
        expect.poll(() => minutes(page).isEditable(), { timeout: 10_000 }).toBe(true),
      ),
    );
    await minutes(a).click();
    await a.keyboard.type("Agreed: swap decodable book lists.");
    await expect
      .poll(() => minutes(b).textContent(), { timeout: 10_000 })
      .toContain("Agreed: swap decodable book lists.");
    await minutes(b).click();
    await b.keyboard.press("End");
    await b.keyboard.type(" Hillcrest sends theirs first.");
    await expect
      .poll(() => minutes(a).textContent(), { timeout: 10_000 })
      .toContain("Hillcrest sends theirs first.");

    // A trust leader reads the minutes, observing.
    const observer = await signedInPage(server.url, world.people.trustLeader.id);
    await observer.goto(`${server.url}${meetingPath}`);
    await expect
      .poll(() => minutes(observer).textContent(), { timeout: 10_000 })
      .toContain("Hillcrest sends theirs first.");
    expect(await minutes(observer).getAttribute("aria-readonly")).toBe("true");
    expect(await observer.getByText("Schedule a meeting", { exact: true }).count()).toBe(0);

    await noProblemsAt390(b);
    await noProblemsAt390(observer);
    await b.goto(`${server.url}${workspacePath}`);
    await b.getByText("Schedule a meeting", { exact: true }).click();
    await b.getByLabel("Agenda").waitFor();
    for (const width of [1280, 390]) {
      await b.setViewportSize({ width, height: 900 });
      await b.waitForTimeout(200);
      expect(await checkPage(b, { tablesMayScroll: true })).toEqual([]);
    }
    for (const page of [a, b, observer]) await page.context().close();
  });

  it("a leader who declines on the workspace's own page lands on the list, told so", async () => {
    const a = await signedInPage(server.url, world.people.schoolLeader.id);
    await a.goto(`${server.url}/workspaces`);
    await a.getByLabel("Title").fill("Oracy together");
    await a.getByRole("checkbox", { name: world.otherSchool.name }).check();
    await a.getByRole("button", { name: "Start the workspace" }).click();
    await a.getByRole("heading", { level: 1, name: "Oracy together" }).waitFor();
    const path = new URL(a.url()).pathname;

    const b = await signedInPage(server.url, leaderB.id);
    await preloadAxe(b.context());
    await b.goto(`${server.url}${path}`);
    await b.getByRole("button", { name: "Decline" }).click();
    await b.waitForURL(`${server.url}/workspaces?notice=declined`);
    await expect
      .poll(() => b.getByRole("status").textContent())
      .toBe("Invitation declined: your school does not take part in that workspace.");
    expect(await b.getByRole("link", { name: "Oracy together" }).count()).toBe(0);
    for (const width of [1280, 390]) {
      await b.setViewportSize({ width, height: 900 });
      await b.waitForTimeout(200);
      expect(await checkPage(b, { tablesMayScroll: true })).toEqual([]);
    }
    for (const page of [a, b]) await page.context().close();
  });

  it("a Decline pressed while the page's scripts take over still counts", async () => {
    // The other school's leader opens the workspace they are invited to and presses Decline as
    // the page comes alive: the button released must be the button pressed.
    const { workspace } = await invitingWorkspace("Writing together");
    const b = await signedInPage(server.url, leaderB.id);
    await pressAcrossTakeOver(
      b,
      `${server.url}/workspaces/${workspace.id}`,
      b.getByRole("button", { name: "Decline" }),
      notes(b),
    );
    await b.waitForURL(`${server.url}/workspaces?notice=declined`);
    await expect
      .poll(() => b.getByRole("status").textContent())
      .toBe("Invitation declined: your school does not take part in that workspace.");
    await b.context().close();
  });

  it("a link pressed on a meeting's page while its scripts take over still counts", async () => {
    const { leader, workspace } = await invitingWorkspace("Speaking together");
    const { meeting } = await scheduleWorkspaceMeeting(leader, {
      workspaceId: workspace.id,
      title: "Speaking review",
      scheduledAt: toLondonLocal(new Date(Date.now() + 24 * 3600_000)),
      durationMinutes: "60",
      videoLink: "https://meet.example.org/speaking-together",
      requestId: newRequestId(),
    });
    const a = await signedInPage(server.url, world.people.schoolLeader.id);
    await pressAcrossTakeOver(
      a,
      `${server.url}/workspaces/${workspace.id}/meetings/${meeting.id}`,
      a.getByRole("link", { name: "Joint workspaces" }),
      a.getByRole("textbox", { name: "Minutes" }),
    );
    await a.waitForURL(`${server.url}/workspaces`);
    await a.getByRole("heading", { level: 1, name: "Joint workspaces" }).waitFor();
    await a.context().close();
  });
});
