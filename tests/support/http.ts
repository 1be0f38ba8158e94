import { request as httpRequest } from "node:http";

/**
 * A minimal cookie-keeping HTTP client for integration tests, behaving like a browser on the
 * app's own origin: it keeps cookies, sends Origin on posts and reads the CSRF token from pages.
 */
export class HttpSession {
  private cookies = new Map<string, string>();
  csrf = "";
  /** The last page's form request id (a hidden field forms that create something carry). */
  requestId = "";

  /** `headers` go with every request (e.g. X-Forwarded-For, to act from another address). */
  constructor(
    readonly baseUrl: string,
    readonly headers: Record<string, string> = {},
  ) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  setCookie(pair: string) {
    const [name, ...rest] = pair.split("=");
    this.cookies.set(name, rest.join("="));
  }

  private remember(response: Response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair, ...attributes] = header.split(";");
      const [name, ...rest] = pair.split("=");
      const value = rest.join("=");
      if (!value || attributes.some((a) => /max-age=0|expires=thu, 01 jan 1970/i.test(a.trim())))
        this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async get(
    path: string,
  ): Promise<{ status: number; html: string; location: string | null; response: Response }> {
    const response = await fetch(this.baseUrl + path, {
      headers: { ...this.headers, cookie: this.cookieHeader },
      redirect: "manual",
    });
    this.remember(response);
    const html = await response.text();
    const token = /name="csrf" value="([^"]+)"/.exec(html);
    if (token) this.csrf = token[1];
    const request = /name="requestId" value="([^"]+)"/.exec(html);
    if (request) this.requestId = request[1];
    return { status: response.status, html, location: response.headers.get("location"), response };
  }

  async post(
    path: string,
    fields: Record<string, string>,
    options: { csrf?: string | null; origin?: string } = {},
  ): Promise<{ status: number; html: string; location: string | null; response: Response }> {
    if (!this.csrf && options.csrf === undefined) await this.get(path);
    const body = new URLSearchParams(fields);
    const csrf = options.csrf === undefined ? this.csrf : options.csrf;
    if (csrf !== null) body.set("csrf", csrf);
    // Like a browser, send the form's hidden request id along (unless the test sets its own).
    if (this.requestId && !body.has("requestId")) body.set("requestId", this.requestId);
    const response = await fetch(this.baseUrl + path, {
      method: "POST",
      body,
      headers: {
        ...this.headers,
        cookie: this.cookieHeader,
        origin: options.origin ?? this.baseUrl,
        "content-type": "application/x-www-form-urlencoded",
      },
      redirect: "manual",
    });
    this.remember(response);
    return {
      status: response.status,
      html: await response.text(),
      location: response.headers.get("location"),
      response,
    };
  }

  /**
   * Starts a form post whose body is held back: the server has the headers (its action may
   * have read the session) but waits for the body until `finish()` sends it. For ordering a
   * submission against another one that overtakes it. Cookies it answers with are not kept.
   */
  async postHeld(
    path: string,
    fields: Record<string, string>,
  ): Promise<{ finish(): Promise<{ status: number; html: string; location: string | null }> }> {
    if (!this.csrf) await this.get(path);
    const body = Buffer.from(new URLSearchParams({ ...fields, csrf: this.csrf }).toString());
    const request = httpRequest(this.baseUrl + path, {
      method: "POST",
      headers: {
        ...this.headers,
        cookie: this.cookieHeader,
        origin: this.baseUrl,
        "content-type": "application/x-www-form-urlencoded",
        "content-length": String(body.length),
      },
    });
    const answered = new Promise<{ status: number; html: string; location: string | null }>(
      (resolve, reject) => {
        request.on("error", reject);
        request.on("response", (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("error", reject);
          response.on("end", () =>
            resolve({
              status: response.statusCode ?? 0,
              html: Buffer.concat(chunks).toString("utf8"),
              location: response.headers.location ?? null,
            }),
          );
        });
      },
    );
    request.flushHeaders();
    request.write(body.subarray(0, 1));
    return {
      finish() {
        request.end(body.subarray(1));
        return answered;
      },
    };
  }
}
