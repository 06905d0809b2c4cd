import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./testing/cli";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "wifi-atlas-user-"));
const cli = (args: string[]) => runCli("db/user-cli.ts", args, { PGLITE_DIR: path.join(tmp, "db"), DEMO_USERS: "off" });

describe("npm run user:create", () => {
  it("refuses a short password naming the option, before opening the database", () => {
    const r = cli(["--email", "boss@jinju.example", "--password", "short", "--role", "admin"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--password: at least 10 characters");
    expect(fs.existsSync(path.join(tmp, "db"))).toBe(false);
  }, 30_000);

  it("creates the first admin on a fresh database, and refuses the same email twice", () => {
    const args = ["--email", "boss@jinju.example", "--password", "long-enough-1", "--role", "admin"];
    const first = cli(args);
    expect(first.stderr).toBe("");
    expect(first.stdout).toContain("created boss@jinju.example (admin in 진주시)");
    const again = cli(args);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("A user with the email boss@jinju.example already exists.");
  }, 90_000);

  it("needs the partner company for a partner user", () => {
    const r = cli(["--email", "p@jinju.example", "--password", "long-enough-1", "--role", "partner", "--partner", "없는회사"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--partner: no partner named 없는회사");
  }, 90_000);
});
