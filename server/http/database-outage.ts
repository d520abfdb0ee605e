import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clearDatabaseDown, databaseMarkedDown, isDatabaseUnavailable } from "@/db/unavailable";
import { DATABASE_UNAVAILABLE_MESSAGE } from "@/shared/outage";
import { bareResponseHeaders } from "./method-guard";

const PROBE_TIMEOUT_MS = 1000;

/** A page of its own (not Next's), so it renders with the database gone. */
const STYLE = `body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f8fafc;color:#0f172a}
main{min-height:100dvh;display:flex;align-items:center;justify-content:center;padding:1rem}
div{max-width:28rem;text-align:center}h1{font-size:1.5rem;font-weight:600;margin:0}p{color:#475569;line-height:1.5}
a{display:inline-block;margin-top:1rem;background:#1f7f74;color:#fff;padding:.6rem 1.1rem;border-radius:.5rem;text-decoration:none;font-weight:500}
a:focus-visible{outline:2px solid #1f7f74;outline-offset:2px}.code{font-size:.875rem;font-weight:600;color:#64748b}`;
const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Temporarily unavailable · Ablation Follow-up Portal</title>
<style>${STYLE}</style></head>
<body><main><div><p class="code">503</p>
<h1>The portal is temporarily unavailable</h1><p>${DATABASE_UNAVAILABLE_MESSAGE}</p>
<a href="">Try again</a></div></main></body></html>`;
/** Its one style block, allowed by its hash; nothing else may load. */
const OUTAGE_CSP = `default-src 'none'; style-src 'sha256-${createHash("sha256").update(STYLE).digest("base64")}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

/**
 * While the database is known to be down (a query failed with a connection error), page requests
 * are answered at once with 503 and a human page after one quick probe, instead of each waiting
 * for a connection and ending in a 500; the first request that succeeds clears the state. A page
 * whose render fails during an outage gets 503 instead of 500. tRPC and /api/health answer 503
 * themselves (their JSON shapes are their own).
 */
export function databaseOutage(db: Db, production = true) {
  let probing: Promise<boolean> | null = null;
  const reachable = () => {
    probing ??= Promise.race([
      db.execute(sql`select 1`).then(
        () => true,
        (error: unknown) => !isDatabaseUnavailable(error),
      ),
      new Promise<boolean>((resolve) => setTimeout(resolve, PROBE_TIMEOUT_MS, false)),
    ]).finally(() => {
      probing = null;
    });
    return probing;
  };

  return {
    /** True when the request was answered here (503); otherwise it goes on to Next. */
    async answered(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
      const path = (req.url ?? "/").split("?")[0] ?? "/";
      if (path.startsWith("/_next/") || path.startsWith("/api/")) return false;
      // A render that fails during an outage is "unavailable", not a bug.
      const writeHead = res.writeHead;
      res.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
        const code = status >= 500 && databaseMarkedDown() ? 503 : status;
        return (writeHead as (...a: unknown[]) => ServerResponse).call(this, code, ...rest);
      } as typeof res.writeHead;
      if (!databaseMarkedDown()) return false;
      if (await reachable()) {
        clearDatabaseDown();
        return false;
      }
      res.writeHead(503, {
        ...bareResponseHeaders(production),
        "Content-Security-Policy": OUTAGE_CSP,
        "content-type": "text/html; charset=utf-8",
        "retry-after": "5",
      });
      res.end(req.method === "HEAD" ? undefined : page);
      return true;
    },
  };
}
