import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openMemoryPglite, openPglite, rowsOf, type DbHandle } from "./client";
import { readTemplate, templateFile } from "./pglite-template";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "wifi-atlas-template-"));
// Every initdb gives its cluster a new identifier: a folder started from the template carries the template's.
const clusterId = async (handle: DbHandle) =>
  rowsOf<{ id: string }>(await handle.db.execute(sql`select system_identifier::text as id from pg_control_system()`))[0]!.id;

describe("the install's empty cluster", () => {
  it("is written by the install step, and a new folder starts from it and keeps what is written", async () => {
    // What `npm install` runs after the packages are in.
    const step = spawnSync("npm", ["run", "--silent", "postinstall"], { encoding: "utf8", timeout: 90_000 });
    expect(step.stderr).toBe("");
    expect(step.status).toBe(0);
    expect(step.stdout).toContain("embedded database template: node_modules/.cache/wifi-atlas/pglite-");
    expect(fs.existsSync(templateFile()!)).toBe(true);

    const template = await openMemoryPglite({ loadDataDir: readTemplate() });
    const templateId = await clusterId(template);
    await template.close();

    const dir = path.join(tmp, "new");
    const first = await openPglite(dir);
    expect(await clusterId(first)).toBe(templateId);
    await first.db.execute(sql`create table kept (note text)`);
    await first.db.execute(sql`insert into kept values ('written on the first start')`);
    await first.close();

    // A folder that holds a cluster is opened as it is, never started again from the template.
    const again = await openPglite(dir);
    expect(rowsOf<{ note: string }>(await again.db.execute(sql`select note from kept`))).toEqual([{ note: "written on the first start" }]);
    await again.close();
  });
});
