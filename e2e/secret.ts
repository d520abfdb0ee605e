/** The session secret of the e2e server only (scripts/e2e-server.ts); never used in production. */
export const E2E_SECRET = "e2e-only-secret-not-for-production-use-0123456789";

/** The key ring for secrets at rest of the e2e portals only (never a real key). */
export const E2E_DATA_KEY = `e2e:${Buffer.alloc(32, "e").toString("base64")}`;
