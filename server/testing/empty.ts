// Stands in for `server-only` under vitest (the real one throws outside a React server bundle).
export {};
