// Scripts run by tsx (`npm start`, the worker, the benches, the seeds they call) load the app's
// modules directly, and the database client and every service `import "server-only"`: a marker
// that throws outside React Server Components, so that a client bundle can never include them.
// A script has no client bundle, so here the marker resolves to an empty module (as vitest.config.ts
// aliases it in tests). Import this first, before any app module is loaded.
import { register } from "node:module";

const hooks = `export async function resolve(specifier, context, next) {
  return specifier === "server-only"
    ? { url: "data:text/javascript,", shortCircuit: true }
    : next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
