// Server start on Node: note each connection's peer address, refuse the methods no web server should
// answer, and open the database, so the embedded one is migrated and seeded before the first request.
import http from "node:http";
import { AppError } from "./lib/errors";
import { securityHeaders } from "./lib/security-headers";
import { getDb } from "./server/database";

/** Methods the web platform cannot even represent (TRACE, TRACK, CONNECT): the framework would fail on them with a 500. */
const UNSERVED = new Set(["TRACE", "TRACK", "CONNECT"]);
const SERVED = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

/** Answers such a request 405, with the security headers, before the framework sees it. */
export function guardRequests(): void {
  const emit = http.Server.prototype.emit;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the emitter's own signature
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: any[]): boolean {
    if (event === "request") {
      const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
      // Where the connection comes from, over anything a client sent under the same name.
      req.headers["x-wifi-atlas-peer"] = req.socket.remoteAddress ?? "";
      if (UNSERVED.has(req.method ?? "")) {
        res.writeHead(405, Object.fromEntries([...securityHeaders(process.env), ["allow", SERVED], ["content-length", "0"]]));
        res.end();
        return true;
      }
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  };
}

export async function openDatabaseAtStart(): Promise<void> {
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  try {
    const { engine } = await getDb();
    console.log(`database ready (${engine})`);
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    // A second server on the same embedded folder must not serve at all: it would corrupt it.
    if (err instanceof AppError && err.code === "database_busy") process.exit(3);
    // Otherwise keep serving: requests answer with a clear error until the database is back.
  }
}
