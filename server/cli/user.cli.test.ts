import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../db/testing/cli";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "wifi-atlas-user-"));
const cli = (args: string[]) => runCli("server/cli/user.ts", args, { PGLITE_DIR: path.join(tmp, "db"), DEMO_USERS: "off" });

describe("npm run user:create", () => {
  it("refuses a short password or an unknown role naming the option, before opening the database", () => {
    const r = cli(["--email", "boss@jinju.example", "--password", "short", "--role", "admin"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--password: 비밀번호는 10자 이상이어야 합니다.\n사용법: npm run user:create");
    const role = cli(["--email", "boss@jinju.example", "--password", "long-enough-1", "--role", "boss", "--locale", "en"]);
    expect(role.status).toBe(2);
    expect(role.stderr).toContain("--role: expected viewer, partner, planner or admin\nusage: npm run user:create");
    expect(fs.existsSync(path.join(tmp, "db"))).toBe(false);
  }, 30_000);

  it("creates the first admin on a fresh database, and refuses the same email twice", () => {
    const args = ["--email", "boss@jinju.example", "--password", "long-enough-1", "--role", "admin"];
    const first = cli(args);
    expect(first.stderr).toBe("");
    expect(first.stdout).toBe("boss@jinju.example 사용자를 만들었습니다 (진주시의 관리자).\n");
    const again = cli(args);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("--email: 이미 등록된 이메일입니다.");
  }, 90_000);

  it("needs the partner company for a partner user", () => {
    const r = cli(["--email", "p@jinju.example", "--password", "long-enough-1", "--role", "partner", "--partner", "없는회사"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--partner: 이름이 없는회사인 협력사가 없습니다.");
  }, 90_000);
});
