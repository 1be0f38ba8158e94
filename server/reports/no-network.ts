import http from "node:http";
import https from "node:https";
import net from "node:net";
import tls from "node:tls";

/**
 * Makes every way out to the network fail, in the thread that calls it (the render worker): the
 * renderer's fonts are local files and it is given all the data it prints, so any attempt to
 * fetch something (a remote image or font slipped into a report) is a bug, refused loudly rather
 * than made quietly. `data:` URLs stay readable: they are not the network (the layout engine
 * loads its WebAssembly from one).
 */
export function blockNetwork(): void {
  const realFetch = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.startsWith("data:")) return realFetch(input, init);
    return Promise.reject(new TypeError(`Reports make no network requests (asked for ${url}).`));
  };
  const refuse = (name: string) => () => {
    throw new Error(`Reports make no network requests (${name}).`);
  };
  Object.assign(http, { request: refuse("http.request"), get: refuse("http.get") });
  Object.assign(https, { request: refuse("https.request"), get: refuse("https.get") });
  Object.assign(net, { connect: refuse("net.connect"), createConnection: refuse("net.connect") });
  Object.assign(tls, { connect: refuse("tls.connect") });
}
