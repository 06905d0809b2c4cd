// Runs one of the project's command-line scripts in a child process, on an embedded database folder.
import { spawnSync } from "node:child_process";

export function runCli(script: string, args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, ["--import", "tsx", script, ...args], {
    env: { ...process.env, DATABASE_URL: "", ...env },
    encoding: "utf8",
    timeout: 90_000,
  });
}
