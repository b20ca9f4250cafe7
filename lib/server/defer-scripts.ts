// Paint first, then load the scripts. Every page is rendered on the server: its first paint needs the HTML
// and the stylesheet, not JavaScript. Next names its first-load scripts in the <head> as `async`, so on a
// fast link they arrive and run while the browser is still doing the page's first style and layout, and
// on a slow one they share the link with the stylesheet. This rewrites each of those tags, as the HTML
// streams out, into a call that adds the same script once the first contentful paint has happened. The
// page shows its content without waiting for ~140 kB of framework; it hydrates after it. Measured in
// docs/performance.md ("Scripts after the first paint").
//
// Only Next's own tags change: `<script src="/_next/static/…" async nonce>` with no other attribute, in an
// HTML response whose Content-Security-Policy carries that nonce. Anything else passes through as it came.
import type { ServerResponse } from "node:http";
import { StringDecoder } from "node:string_decoder";

/** The global the rewritten tags call; the loader defines it. */
export const DEFER_FN = "__deferScript";
/** The global the loader sets: false until every deferred script has run (tests wait on it). */
export const READY_FLAG = "__scriptsReady";

const ATTR = /([a-zA-Z-]+)(?:="([^"]*)")?/g;
const SCRIPT = /<script ([^>]*)><\/script>/g;
const LINK = /<link ([^>]*?)\/>/g;

/**
 * The inline script that goes first in the <head>. It queues the scripts until the browser reports the
 * page's first contentful paint (a PerformanceObserver on "paint", which fires once the frame is on
 * screen), then adds them as async scripts in the order they were met; later ones are added as they come.
 * Where the browser has no paint timing, it waits for the first frame instead. It starts at once on a
 * hidden page (a background tab paints nothing until shown) and, so that a page is never left without its
 * scripts, after 5 s at the latest. `__scriptsReady` turns true when the
 * parser is done and every script added has loaded or failed: what the load event meant before.
 */
export function loaderScript(nonce: string): string {
  const body = `(function(){var q=[],on=0,n=0,d=document,h=d.head;self.${READY_FLAG}=false;
function fin(){if(on&&!n&&d.readyState!="loading")self.${READY_FLAG}=true}
function add(s){var e=d.createElement("script");e.src=s;e.async=true;e.nonce=${JSON.stringify(nonce)};n++;e.onload=e.onerror=function(){n--;fin()};h.appendChild(e)}
self.${DEFER_FN}=function(s){on?add(s):q.push(s)};
function go(){if(!on){on=1;q.forEach(add);q=[];fin()}}
d.addEventListener("DOMContentLoaded",fin);
d.addEventListener("visibilitychange",function(){if(d.visibilityState!="visible")go()});
setTimeout(go,5000);
var P=self.PerformanceObserver,t=P&&P.supportedEntryTypes||[];
if(d.visibilityState!="visible")go();
else if(t.indexOf("paint")>=0)new P(function(l){if(l.getEntriesByName("first-contentful-paint").length)go()}).observe({type:"paint",buffered:true});
else requestAnimationFrame(function(){setTimeout(go,0)})})()`.replace(/\n/g, "");
  return `<script nonce="${escapeAttr(nonce)}">${body}</script>`;
}

const escapeAttr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

const only = (seen: Map<string, string>, allowed: string[]) => [...seen.keys()].every((k) => allowed.includes(k));
const attributes = (attrs: string) => new Map([...attrs.matchAll(ATTR)].map((m) => [m[1]!, m[2] ?? ""] as const));
const nextAsset = (src: string | undefined): src is string => !!src && src.startsWith("/_next/static/") && /^[\w./-]+$/.test(src);

/**
 * Next's `<link rel="preload" as="script" fetchPriority="low">` for the bootstrap script goes: the script
 * is fetched after the paint like the others. Null leaves any other link as it is.
 */
function rewriteLink(attrs: string, nonce: string): string | null {
  const seen = attributes(attrs);
  if (seen.get("rel") !== "preload" || seen.get("as") !== "script" || !nextAsset(seen.get("href"))) return null;
  if (seen.get("nonce") !== nonce || !only(seen, ["rel", "as", "fetchPriority", "nonce", "href"])) return null;
  return "";
}

/** The replacement for one of Next's script tags, or null to leave the tag as it is. */
function rewriteTag(attrs: string, nonce: string): string | null {
  const seen = attributes(attrs);
  const src = seen.get("src");
  if (!nextAsset(src) || !seen.has("async") || seen.get("nonce") !== nonce) return null;
  if (!only(seen, ["src", "async", "nonce"])) return null;
  return `<script nonce="${escapeAttr(nonce)}">${DEFER_FN}(${JSON.stringify(src)})</script>`;
}

/**
 * A streaming rewriter for one HTML response with CSP nonce `nonce`. `push` takes the next piece of text and
 * returns what can be sent now; it holds back an unfinished tag (or a `<script` whose `</script>` has not
 * arrived) so that a tag split across writes is still seen whole. `end` returns the rest.
 */
export function scriptDeferrer(nonce: string) {
  let carry = "";
  let loaderAdded = false;
  const rewrite = (s: string) =>
    s.replace(SCRIPT, (tag, attrs: string) => rewriteTag(attrs, nonce) ?? tag).replace(LINK, (tag, attrs: string) => rewriteLink(attrs, nonce) ?? tag);
  const transform = (s: string) => {
    if (loaderAdded) return rewrite(s);
    // Nothing is rewritten before the loader is in: a tag calling it must come after it.
    const head = s.indexOf("<head>");
    if (head < 0) return s;
    loaderAdded = true;
    return s.slice(0, head + 6) + loaderScript(nonce) + rewrite(s.slice(head + 6));
  };
  const holdFrom = (s: string) => {
    let cut = s.length;
    const lt = s.lastIndexOf("<");
    if (lt >= 0 && s.indexOf(">", lt) < 0) cut = lt;
    const open = s.lastIndexOf("<script");
    if (open >= 0 && s.indexOf("</script>", open) < 0) cut = Math.min(cut, open);
    // `<head>` must be seen whole too, but it is the document's first few bytes: hold until it is.
    if (!loaderAdded && s.indexOf("<head>") < 0 && s.length < 4096) cut = 0;
    return cut;
  };
  return {
    push(text: string): string {
      const s = carry + text;
      const cut = holdFrom(s);
      carry = s.slice(cut);
      return transform(s.slice(0, cut));
    },
    end(): string {
      const rest = transform(carry);
      carry = "";
      return rest;
    },
  };
}

/** The nonce in a Content-Security-Policy header's script-src, if any. */
export function nonceFromPolicy(policy: string | undefined): string | undefined {
  const m = /'nonce-([A-Za-z0-9+/=_-]+)'/.exec(policy ?? "");
  return m?.[1];
}

type Write = ServerResponse["write"];
type End = ServerResponse["end"];

/**
 * Routes the body of `res` through the script deferrer when it turns out to be an HTML document with a
 * nonce. The decision is taken when the headers go out (writeHead, or the first write or end).
 */
export function deferScriptsIn(res: ServerResponse) {
  let decided = false;
  let deferrer: ReturnType<typeof scriptDeferrer> | undefined;
  const decoder = new StringDecoder("utf8");
  const decide = (headers?: unknown) => {
    if (decided) return;
    decided = true;
    const fromHead = headers && typeof headers === "object" && !Array.isArray(headers) ? (headers as Record<string, unknown>) : {};
    const header = (name: string) => {
      const v = res.getHeader(name) ?? Object.entries(fromHead).find(([k]) => k.toLowerCase() === name)?.[1];
      return Array.isArray(v) ? v.join(", ") : v === undefined ? undefined : String(v);
    };
    if (!/^text\/html\b/i.test(header("content-type") ?? "") || header("content-encoding")) return;
    const nonce = nonceFromPolicy(header("content-security-policy"));
    if (!nonce) return;
    deferrer = scriptDeferrer(nonce);
    // The body changes length.
    res.removeHeader("content-length");
    for (const k of Object.keys(fromHead)) if (k.toLowerCase() === "content-length") delete fromHead[k];
  };
  const text = (chunk: unknown, encoding?: unknown) =>
    typeof chunk === "string"
      ? decoder.write(Buffer.from(chunk, (typeof encoding === "string" ? encoding : "utf8") as BufferEncoding))
      : decoder.write(Buffer.from(chunk as Uint8Array));

  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    // Headers given as a flat array could carry a Content-Length this cannot remove: leave such a response be.
    if (args.some(Array.isArray)) decided = true;
    decide(args.find((a) => a && typeof a === "object"));
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse["writeHead"];

  const write = res.write;
  res.write = function (this: ServerResponse, chunk: unknown, encoding?: unknown, cb?: unknown) {
    decide();
    if (!deferrer) return (write as (...a: unknown[]) => boolean).call(this, chunk, encoding, cb);
    const callback = typeof encoding === "function" ? encoding : cb;
    return (write as (...a: unknown[]) => boolean).call(this, deferrer.push(text(chunk, encoding)), "utf8", callback);
  } as Write;

  const end = res.end;
  res.end = function (this: ServerResponse, chunk?: unknown, encoding?: unknown, cb?: unknown) {
    decide();
    if (!deferrer) return (end as (...a: unknown[]) => ServerResponse).call(this, chunk, encoding, cb);
    const callback = [chunk, encoding, cb].find((a) => typeof a === "function");
    // A HEAD response ends with end(null).
    const last = chunk != null && typeof chunk !== "function" ? deferrer.push(text(chunk, encoding)) : "";
    return (end as (...a: unknown[]) => ServerResponse).call(this, last + deferrer.push(decoder.end()) + deferrer.end(), "utf8", callback);
  } as End;
}

