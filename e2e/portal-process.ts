import { type ChildProcess, spawn } from "node:child_process";

export type Portal = {
  child: ChildProcess;
  exited: Promise<number | null>;
  output: () => string;
};

/**
 * Starts `npm start`'s script: an embedded database with generated secrets, unless `extra` gives
 * DATABASE_URL, NEXTAUTH_SECRET or DATA_ENCRYPTION_KEY.
 */
export function startPortal(
  dataDir: string,
  port: number,
  extra: Record<string, string> = {},
): Portal {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    NODE_ENV: "production",
  };
  delete env.DATABASE_URL;
  delete env.NEXTAUTH_SECRET;
  delete env.DATA_ENCRYPTION_KEY;
  Object.assign(env, extra);
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { env });
  let output = "";
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  return { child, exited, output: () => output };
}

/** Waits until the portal answers; fails with what it printed if it exits or never answers. */
export async function waitForHealth(portal: Portal, port: number, deadline = Date.now() + 240_000) {
  let exited = false;
  void portal.exited.then(() => {
    exited = true;
  });
  while (Date.now() < deadline && !exited) {
    try {
      const response = await fetch(`http://localhost:${port}/api/health`);
      if (response.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no health on port ${port}; the portal printed:\n${portal.output()}`);
}
