import type { ServerBuild } from "@remix-run/node";
import type { FormRefusal } from "../app/utils/form-refusal.server.ts";

// The build has its own copy of the class, so it is recognised by name, not by instanceof.
function isFormRefusal(error: unknown): error is FormRefusal {
  return error instanceof Error && error.name === "FormRefusal" && "response" in error;
}

/**
 * The Remix build with every action answering a refused form (not a form, an expired CSRF
 * token, fields that do not parse: app/utils/form-refusal.server.ts) with its message, as the
 * action's data: thrown, Remix would show the error page instead of the message next to the
 * field. One place for every route.
 */
export function answerFormRefusals(build: ServerBuild): ServerBuild {
  const routes: ServerBuild["routes"] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    const { action } = route.module;
    routes[id] = action
      ? {
          ...route,
          module: {
            ...route.module,
            action: async (args: Parameters<typeof action>[0]) => {
              try {
                return await action(args);
              } catch (error) {
                if (isFormRefusal(error)) return error.response;
                throw error;
              }
            },
          },
        }
      : route;
  }
  return { ...build, routes };
}
