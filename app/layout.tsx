import type { Metadata } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Promotions · Ads Manager", template: "%s · Ads Manager" },
  description: "Ad credits, promotional codes and spend-threshold promotions.",
  // The files are in public/. Naming them here keeps browsers from asking for anything that isn't there.
  icons: {
    icon: [
      { url: "/icon.svg", type: "image/svg+xml" },
      { url: "/favicon.ico", sizes: "32x32" },
    ],
    apple: "/apple-touch-icon.png",
  },
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: proxy.ts gives each response a fresh CSP nonce, and Next can only put
  // it on the scripts of a page it renders now (a prebuilt page's scripts would be blocked).
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        {children}
      </body>
    </html>
  );
}
