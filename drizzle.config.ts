import { defineConfig } from "drizzle-kit";

// `drizzle-kit generate` needs no database: it diffs db/schema against db/migrations.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  casing: "snake_case",
  // pg-boss keeps its queue in its own `pgboss` schema: not ours to diff.
  schemaFilter: ["public"],
});
