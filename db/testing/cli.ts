// Runs one of the project's command-line scripts in a child process, on an embedded database folder.
import { spawnSync } from "node:child_process";

export function runCli(script: string, args: string[], env: Record<string, string>, timeout = 90_000) {
  return spawnSync(process.execPath, ["--import", "tsx", script, ...args], {
    env: { ...process.env, DATABASE_URL: "", ...env },
    encoding: "utf8",
    timeout,
    maxBuffer: 64 << 20,
  });
}
