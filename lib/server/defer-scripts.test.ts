// Scripts after the first paint (lib/server/defer-scripts.ts): which tags change, that a document split
// anywhere across writes comes out the same, and the server layer on a real HTTP response.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { DEFER_FN, deferScriptsIn, loaderScript, nonceFromPolicy, scriptDeferrer } from "./defer-scripts";

const N = "AbC+/12=";
// The shape of what Next 16 sends: preinit scripts and the bootstrap preload in the head, the bootstrap
// script at the end of the body's shell, RSC payload scripts inline.
const doc = [
  `<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>`,
  `<link rel="stylesheet" href="/_next/static/chunks/a.css" nonce="${N}" data-precedence="next"/>`,
  `<link rel="preload" as="script" fetchPriority="low" nonce="${N}" href="/_next/static/chunks/boot.js"/>`,
  `<script src="/_next/static/chunks/one.js" async="" nonce="${N}"></script>`,
  `<script src="/_next/static/chunks/turbopack-two.js" async="" nonce="${N}"></script>`,
  `<title>Home</title><link rel="icon" href="/icon.svg" type="image/svg+xml"/>`,
  `<script src="/_next/static/chunks/polyfill.js" noModule="" nonce="${N}"></script></head>`,
  `<body><p>&lt;script src=&quot;/_next/static/x.js&quot;&gt;</p>`,
  `<script nonce="${N}" id="_R_">self.__next_r="x"</script>`,
  `<script src="/_next/static/chunks/boot.js" nonce="${N}" async=""></script>`,
  `<script nonce="${N}">(self.__next_f=self.__next_f||[]).push([0])</script></body></html>`,
].join("");

const whole = (text: string, nonce = N) => {
  const d = scriptDeferrer(nonce);
  return d.push(text) + d.end();
};

describe("scripts after the first paint", () => {
  it("turns Next's async scripts into deferred calls, in order, after the loader at the top of the head", () => {
    const out = whole(doc);
    expect(out.startsWith(`<!DOCTYPE html><html lang="en"><head>${loaderScript(N)}<meta charSet="utf-8"/>`)).toBe(true);
    const calls = [...out.matchAll(new RegExp(`${DEFER_FN}\\("([^"]+)"\\)`, "g"))].map((m) => m[1]);
    expect(calls).toEqual(["/_next/static/chunks/one.js", "/_next/static/chunks/turbopack-two.js", "/_next/static/chunks/boot.js"]);
    // No script of Next's is fetched by the parser any more, and the bootstrap's early preload is gone.
    expect(out).not.toMatch(/<script src="\/_next\/static\/chunks\/(one|turbopack-two|boot)\.js"/);
    expect(out).not.toContain(`rel="preload" as="script"`);
  });

  it("leaves everything else as it came", () => {
    const out = whole(doc);
    for (const kept of [
      `<link rel="stylesheet" href="/_next/static/chunks/a.css" nonce="${N}" data-precedence="next"/>`,
      `<script src="/_next/static/chunks/polyfill.js" noModule="" nonce="${N}"></script>`,
      `<link rel="icon" href="/icon.svg" type="image/svg+xml"/>`,
      `<p>&lt;script src=&quot;/_next/static/x.js&quot;&gt;</p>`,
      `<script nonce="${N}" id="_R_">self.__next_r="x"</script>`,
      `<script nonce="${N}">(self.__next_f=self.__next_f||[]).push([0])</script>`,
    ])
      expect(out).toContain(kept);
    // A script from elsewhere, with another attribute, or with another nonce is not Next's tag.
    for (const tag of [
      `<script src="https://cdn.example/x.js" async="" nonce="${N}"></script>`,
      `<script src="/_next/static/chunks/x.js" async="" nonce="${N}" integrity="sha384-x"></script>`,
      `<script src="/_next/static/chunks/x.js" async="" nonce="other"></script>`,
      `<script src="/_next/static/chunks/x.js" nonce="${N}"></script>`,
      `<script src="/_next/static/chunks/x&quot;.js" async="" nonce="${N}"></script>`,
    ])
      expect(whole(`<head>${tag}`)).toBe(`<head>${loaderScript(N)}${tag}`);
  });

  it("changes nothing in a document with no <head> to put the loader in", () => {
    const body = `<html><body><script src="/_next/static/chunks/one.js" async="" nonce="${N}"></script></body></html>`;
    expect(whole(body)).toBe(body);
  });

  it("gives the same document however the writes split it", () => {
    const expected = whole(doc);
    for (let i = 0; i <= doc.length; i++) {
      const d = scriptDeferrer(N);
      expect(d.push(doc.slice(0, i)) + d.push(doc.slice(i)) + d.end(), `split at ${i}`).toBe(expected);
    }
    // And one character at a time.
    const d = scriptDeferrer(N);
    expect([...doc].map((c) => d.push(c)).join("") + d.end()).toBe(expected);
  });

  it("sends a finished tag at once instead of holding it for the next write", () => {
    const d = scriptDeferrer(N);
    const first = d.push(`<!DOCTYPE html><html><head><title>x</title>`);
    expect(first).toContain("<title>x</title>");
    expect(d.push(`<script src="/_next/static/chunks/one.js" async="" nonce="${N}"></scr`)).toBe("");
    expect(d.push(`ipt><p>after</p>`)).toBe(`<script nonce="${N}">${DEFER_FN}("/_next/static/chunks/one.js")</script><p>after</p>`);
  });

  it("reads the nonce from the policy's script-src", () => {
    expect(nonceFromPolicy(`default-src 'self'; script-src 'self' 'nonce-${N}' 'strict-dynamic'`)).toBe(N);
    expect(nonceFromPolicy("default-src 'none'")).toBeUndefined();
    expect(nonceFromPolicy(undefined)).toBeUndefined();
  });
});

describe("the server layer", () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

  /** Serves `send` behind deferScriptsIn and returns what a client receives. */
  async function serve(send: (res: import("node:http").ServerResponse) => void, method = "GET") {
    server = createServer((_req, res) => {
      deferScriptsIn(res);
      try {
        send(res);
      } catch {
        // As Next's handler does with a throw: a 500, so that a failure shows at once.
        res.statusCode = 500;
        res.removeHeader("content-length");
        res.end();
      }
    });
    await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
    const { port } = server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}/`, { method });
    return { status: res.status, body: await res.text(), length: res.headers.get("content-length") };
  }

  const htmlHeaders = (res: import("node:http").ServerResponse) => {
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.setHeader("Content-Security-Policy", `script-src 'nonce-${N}' 'strict-dynamic'`);
  };

  it("answers a HEAD request for a page (Next ends it with end(null))", async () => {
    const { status, body } = await serve((res) => {
      htmlHeaders(res);
      res.end(null);
    }, "HEAD");
    expect(status).toBe(200);
    expect(body).toBe("");
  });

  it("leaves a page whose headers come as a flat array to writeHead as it is", async () => {
    const { body, length } = await serve((res) => {
      htmlHeaders(res);
      res.writeHead(200, ["Content-Length", String(Buffer.byteLength(doc))]);
      res.end(doc);
    });
    expect(body).toBe(doc);
    expect(length).toBe(String(Buffer.byteLength(doc)));
  });

  it("rewrites an HTML document with a nonce, streamed in pieces and multi-byte characters split", async () => {
    const bytes = Buffer.from(doc.replace("<title>Home</title>", "<title>Accueil · €</title>"));
    const { body, length } = await serve((res) => {
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      res.setHeader("Content-Security-Policy", `script-src 'nonce-${N}' 'strict-dynamic'`);
      res.setHeader("Content-Length", bytes.length);
      // Split inside the euro sign's three bytes and inside a script tag.
      const euro = bytes.indexOf(Buffer.from("€")) + 1;
      res.write(bytes.subarray(0, 200));
      res.write(bytes.subarray(200, euro));
      res.end(bytes.subarray(euro));
    });
    expect(length).toBeNull();
    expect(body).toBe(whole(bytes.toString("utf8")));
    expect(body).toContain("<title>Accueil · €</title>");
  });

  it("passes other responses through byte for byte", async () => {
    for (const [type, csp] of [
      ["application/javascript", `script-src 'nonce-${N}'`],
      ["text/html; charset=utf-8", "default-src 'none'"],
    ] as const) {
      const { body, length } = await serve((res) => {
        res.writeHead(200, { "Content-Type": type, "Content-Security-Policy": csp, "Content-Length": Buffer.byteLength(doc) });
        res.end(doc);
      });
      expect(body).toBe(doc);
      expect(length).toBe(String(Buffer.byteLength(doc)));
    }
  });
});
