/** The session secret of the e2e server only (scripts/e2e-server.ts); never used in production. */
export const E2E_SECRET = "e2e-only-secret-not-for-production-use-0123456789";
