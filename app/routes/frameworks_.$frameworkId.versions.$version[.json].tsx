import type { LoaderFunctionArgs } from "@remix-run/node";
import { listVersions, loadFramework } from "../framework.server.ts";
import { notFound, requireActor } from "../utils/auth.server.ts";
import { orNotFound } from "../utils/command.server.ts";

/** Exports one published version as a JSON file that "Import a framework" accepts. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const { framework } = await orNotFound(loadFramework(actor, params.frameworkId ?? ""));
  const version = (await listVersions(framework.trustId, framework.id)).find(
    (v) => String(v.version) === params.version,
  );
  if (!version) throw notFound();
  const slug = version.content.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  const body = JSON.stringify(
    {
      format: "quality-marks.framework",
      formatVersion: 1,
      version: version.version,
      content: version.content,
    },
    null,
    2,
  );
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${slug || "framework"}-v${version.version}.json"`,
    },
  });
}
