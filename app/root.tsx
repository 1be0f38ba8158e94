import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  Form,
  Link,
  Links,
  LiveReload,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useLoaderData,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import stylesUrl from "./styles/app.css";
import { CsrfInput } from "./components/csrf-input.tsx";
import { SessionEndedNotice } from "./components/session-ended-notice.tsx";
import { can, navigationOf, trustWhere } from "../models/permissions/can.ts";
import type { Actor } from "../models/permissions/roles.ts";
import { getSignedIn } from "./utils/auth.server.ts";
import { csrfToken } from "./utils/csrf.server.ts";
import { useNonce } from "./utils/nonce.tsx";
import { chooseCollabBackend } from "./collab/page-room.ts";
import { UNAVAILABLE } from "./utils/unavailable.ts";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesUrl },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Quality marks workspace" }];

/**
 * What Home (/home) opens as for this person, to name its menu item for it: a validator who
 * belongs to no school and oversees no trust lands on their validations there (home.tsx).
 */
function homeOf(actor: Actor): "schools" | "validations" {
  const seesSchools =
    trustWhere(actor, "oversee") !== null ||
    actor.grants.some(
      (g) =>
        g.schoolId !== undefined &&
        can(actor, "read", { type: "school", trustId: g.trustId, schoolId: g.schoolId }),
    );
  return !seesSchools && trustWhere(actor, "validate") !== null ? "validations" : "schools";
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const [signedIn, csrf] = await Promise.all([getSignedIn(request), csrfToken(request)]);
  const headers = new Headers();
  if (csrf.setCookie) headers.append("Set-Cookie", csrf.setCookie);
  return json(
    {
      csrf: csrf.token,
      // Which server the page's collaboration room connects to (ADR 021).
      collabBackend: context.collabBackend ?? { name: "hocuspocus" as const, baseUrl: null },
      user: signedIn
        ? {
            name: signedIn.actor.name,
            ...navigationOf(signedIn.actor),
            home: homeOf(signedIn.actor),
          }
        : null,
    },
    { headers },
  );
}

export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}

function Document({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
        <LiveReload nonce={nonce} />
      </body>
    </html>
  );
}

function Header() {
  const data = useRootData();
  return (
    <header className="site-header">
      <Link to="/" className="brand">
        Quality marks
      </Link>
      {data?.user ? (
        <nav aria-label="Main">
          <ul className="nav-list">
            <li>
              <Link to="/home">
                {data.user.home === "validations" ? "Your validations" : "Schools"}
              </Link>
            </li>
            <li>
              <Link to="/my-actions">My actions</Link>
            </li>
            <li>
              <Link to="/workspaces">Workspaces</Link>
            </li>
            {data.user.oversees ? (
              <>
                <li>
                  <Link to="/frameworks">Frameworks</Link>
                </li>
                <li>
                  <Link to="/cycles">Cycles</Link>
                </li>
                <li>
                  <Link to="/register">Register</Link>
                </li>
              </>
            ) : null}
            {data.user.insight ? (
              <li>
                <Link to="/insight">Insight</Link>
              </li>
            ) : null}
            {/* Whose home is their validations has them under the first item already. */}
            {data.user.validates && data.user.home !== "validations" ? (
              <li>
                <Link to="/validations">Validations</Link>
              </li>
            ) : null}
            {data.user.manages ? (
              <li>
                <Link to="/trust">Trust settings</Link>
              </li>
            ) : null}
            <li className="nav-user" aria-label="Signed in as">
              <Link to="/account">{data.user.name}</Link>
            </li>
            <li>
              <Form method="post" action="/sign-out">
                <CsrfInput />
                <button type="submit" className="button-link">
                  Sign out
                </button>
              </Form>
            </li>
          </ul>
        </nav>
      ) : (
        <nav aria-label="Main">
          <ul className="nav-list">
            <li>
              <Link to="/verify">Check a certificate</Link>
            </li>
          </ul>
        </nav>
      )}
    </header>
  );
}

export default function App() {
  const data = useLoaderData<typeof loader>();
  // Before any room opens (rooms open in effects, after this render).
  chooseCollabBackend(data.collabBackend);
  return (
    <Document>
      <Header />
      <main id="main" tabIndex={-1}>
        <SessionEndedNotice />
        <Outlet />
      </main>
    </Document>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const { title, message } =
    status === 404
      ? {
          title: "Page not found",
          message: "This page does not exist, or you do not have access to it.",
        }
      : status === 503
        ? UNAVAILABLE
        : {
            title: "Something went wrong",
            message:
              "Sorry, the page could not be shown. Your saved work is safe. Try again in a moment.",
          };
  return (
    <Document>
      <main id="main" className="page narrow">
        <h1>{title}</h1>
        <p>{message}</p>
        <p>
          {status === 503 ? (
            <>
              <a href="">Try again</a> or <Link to="/">go to the start page</Link>
            </>
          ) : (
            <Link to="/">Go to the start page</Link>
          )}
        </p>
      </main>
    </Document>
  );
}
