/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its wasm from node_modules at run time; argon2 is a native addon.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pino"],
  experimental: { authInterrupts: true },
  poweredByHeader: false,
  // `npm run typecheck` (part of `npm test`) checks the whole tree, tests included; the build
  // does not repeat it, so that `npm start` stays quick.
  typescript: { ignoreBuildErrors: true },
  // Lets parallel test runs build side by side (default .next).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // `npm run bench:http` builds with BENCH_FLOORS=1: an empty page and an empty route handler
  // (files *.bench.ts[x]) then exist as floors to compare with; no other build has them.
  pageExtensions:
    process.env.BENCH_FLOORS === "1" ? ["tsx", "ts", "bench.tsx", "bench.ts"] : ["tsx", "ts"],
};

export default nextConfig;
