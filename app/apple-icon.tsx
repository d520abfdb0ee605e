import { ImageResponse } from "next/og";

// The home-screen icon of phones (PNG, generated at build time): the favicon's mark, larger.
export const size = { width: 180, height: 180 };
export const contentType = "image/png";

export default function AppleIcon() {
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        alignItems: "center",
        justifyContent: "center",
        background: "#1b665e",
      }}
    >
      <svg width="132" height="132" viewBox="0 0 64 64" aria-hidden="true">
        <path
          d="M10 40 L22 40 L28 24 L35 50 L42 30 L46 40 L54 40"
          fill="none"
          stroke="#ffffff"
          strokeWidth="5"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
    </div>,
    size,
  );
}
