import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Promotions · Ads Manager", template: "%s · Ads Manager" },
  description: "Ad credits, promotional codes and spend-threshold promotions.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        {children}
      </body>
    </html>
  );
}
