/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its wasm from node_modules at run time; argon2 is a native addon.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pino"],
  experimental: { authInterrupts: true },
  poweredByHeader: false,
};

export default nextConfig;
