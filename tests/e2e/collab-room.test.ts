import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppServer } from "../../server/app.ts";
import { signedInPage, useBrowser } from "../support/browser.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildWorld } from "../support/factories.ts";
import { startTestServer } from "../support/server.ts";

useTestDatabase();
useBrowser();

let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;

beforeAll(async () => {
  world = await buildWorld();
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

describe("one collaboration room per page", () => {
  it("opens the evaluation and its discussion on one WebSocket", async () => {
    const page = await signedInPage(server.url, world.people.staff.id);
    const sockets: string[] = [];
    page.on("websocket", (socket) => sockets.push(socket.url()));
    await page.goto(`${server.url}/evaluations/${world.evaluation.id}?area=inclusion`);
    // The evaluation is open (saved, writable) and so is its discussion (comment counts).
    await page
      .getByRole("status")
      .filter({ hasText: /^Saved$/ })
      .waitFor();
    await page
      .getByText(/^Comments \(0\)/)
      .first()
      .waitFor();
    // Switching area keeps the room (and its one connection).
    await page
      .getByRole("navigation", { name: "Areas" })
      .getByRole("link", { name: "Achievement" })
      .click();
    await page.getByRole("heading", { level: 2, name: "Achievement" }).waitFor();
    await page
      .getByText(/^Comments \(0\)/)
      .first()
      .waitFor();
    expect(sockets).toEqual([`${server.url.replace(/^http/, "ws")}/collab`]);
  });
});
