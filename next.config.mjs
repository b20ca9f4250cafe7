// Headers that are the same on every response (static files included, but for the two only documents read).
// The Content-Security-Policy (with its per-request nonce) and HSTS come from proxy.ts; see
// lib/security-headers.ts.
const permissionsPolicy = [
  "accelerometer=()",
  "autoplay=()",
  "camera=()",
  "display-capture=()",
  "geolocation=()",
  "gyroscope=()",
  "magnetometer=()",
  "microphone=()",
  "payment=()",
  "usb=()",
].join(", ");

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // For browsers that predate CSP's frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
];

// Headers only a document reads. Next's scripts and stylesheets go without them: a page loads ten of those
// on its first visit, and these would add ~200 bytes to each for no effect (docs/performance.md).
const documentHeaders = [
  { key: "Permissions-Policy", value: permissionsPolicy },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ["better-sqlite3"],
  // lib/server/serve.ts compresses, after it has rewritten each page's script tags (Next's own gzip would
  // run first and hide the HTML from it). `next dev` serves uncompressed.
  compress: false,
  poweredByHeader: false,
  typedRoutes: false,
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/:path((?!_next/static/).*)", headers: documentHeaders },
      // Files proxy.ts does not see get a policy that allows nothing: they are scripts, styles and images,
      // never documents.
      {
        source: "/:path(_next/static/.*|_next/image.*|favicon.ico)",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};

export default nextConfig;
