import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getSignedIn } from "../utils/auth.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  throw redirect((await getSignedIn(request)) ? "/home" : "/sign-in");
}
