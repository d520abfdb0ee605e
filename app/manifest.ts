import type { MetadataRoute } from "next";

export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Ablation Follow-up",
    short_name: "Follow-up",
    description: "Pain diary and outcome follow-up after nerve ablation.",
    start_url: "/",
    display: "standalone",
    background_color: "#f8fafc",
    theme_color: "#1b665e",
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
      { src: "/apple-icon", sizes: "180x180", type: "image/png" },
    ],
  };
}
