import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
const resolve = {
  alias: {
    "@": root,
    "server-only": path.join(root, "server/testing/empty.ts"),
  },
};
// Build folders (.next, .next-<name>) carry copies of packages with their own test files.
const exclude = ["**/node_modules/**", ".next*/**", ".data*/**", "e2e/**"];
const integration = (name: string, env: Record<string, string>) => ({
  resolve,
  test: {
    name,
    include: ["**/*.int.test.ts"],
    exclude,
    // Signs unsubscribe links in tests (never a real secret).
    env: {
      NODE_ENV: "test" as const,
      NEXTAUTH_SECRET: "integration-tests-only-".padEnd(48, "x"),
      // Encrypts secrets at rest in tests (never a real key): 32 bytes of "t".
      DATA_ENCRYPTION_KEY: `test:${Buffer.alloc(32, "t").toString("base64")}`,
      ...env,
    },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      {
        resolve,
        test: {
          name: "unit",
          include: ["**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "**/*.fault.test.ts", ...exclude],
          env: { NODE_ENV: "test" as const },
        },
      },
      integration("integration-pglite", { TEST_DB: "pglite" }),
      // PostgreSQL too, whenever a server is given.
      ...(process.env.TEST_DATABASE_URL
        ? [
            integration("integration-postgres", { TEST_DB: "postgres" }),
            // Fault tests start their own PostgreSQL cluster (server binaries needed).
            {
              resolve,
              test: {
                name: "fault",
                include: ["**/*.fault.test.ts"],
                exclude,
                env: { NODE_ENV: "test" as const },
                testTimeout: 120_000,
                hookTimeout: 120_000,
              },
            },
          ]
        : []),
    ],
  },
});
