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
};

export default nextConfig;
