import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Ablation Follow-up", template: "%s · Ablation Follow-up" },
  description: "Pain diary and outcome follow-up after nerve ablation.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1b665e" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en-GB">
      <body className="min-h-dvh">{children}</body>
    </html>
  );
}
