import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openMemoryPglite, openPglite, rowsOf, type DbHandle } from "./client";
import { appTemplateDir, readTemplate, templateFile } from "./pglite-template";
import { seed } from "./seed";
import * as s from "./schema";

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
    expect(step.stdout).toContain("embedded app database: node_modules/.cache/wifi-atlas/app-");
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

  it("gives the app's new folder the migrated, seeded database, the same as seeding it there, with the users the environment asks for", async () => {
    // Made by the install step of the test above.
    expect(fs.existsSync(path.join(appTemplateDir("demo")!, "PG_VERSION"))).toBe(true);
    const counts = async (handle: DbHandle) =>
      rowsOf<Record<string, number>>(
        await handle.db.execute(sql`select
          (select count(*)::int from sites) as sites, (select count(*)::int from access_points) as aps,
          (select count(*)::int from buses) as buses, (select count(*)::int from work_items) as work,
          (select count(*)::int from points_of_interest) as pois, (select count(*)::int from ap_cells) as cells,
          (select count(*)::int from audit_entries where entity_type <> 'user') as audit,
          (select string_agg(name, ',' order by name) from seed_steps) as steps`),
      )[0];
    const users = async (handle: DbHandle) => (await handle.db.select({ email: s.users.email }).from(s.users)).map((u) => u.email).sort();

    const seeded = await openPglite(path.join(tmp, "seeded"));
    await seeded.migrate();
    await seed(seeded.db);
    const expected = await counts(seeded);
    const demoUsers = await users(seeded);
    await seeded.close();
    expect(expected).toMatchObject({ sites: expect.any(Number), aps: expect.any(Number) });
    expect(demoUsers.length).toBeGreaterThan(0);

    const copied = await openPglite(path.join(tmp, "copied"), { appTemplate: "demo" });
    // Nothing left to migrate: the copy is at this code's last migration.
    await copied.migrate();
    expect(await counts(copied)).toEqual(expected);
    expect(await users(copied)).toEqual(demoUsers);
    await copied.close();

    const plain = await openPglite(path.join(tmp, "plain"), { appTemplate: "plain" });
    expect(await counts(plain)).toEqual(expected);
    expect(await users(plain)).toEqual([]);
    await plain.close();
  });

  it("names the app's copy after the code that made it, so a changed migration or parser never gets an old copy", () => {
    const root = path.join(tmp, "project");
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    };
    write("node_modules/@electric-sql/pglite/package.json", JSON.stringify({ version: "9.9.9" }));
    write("package-lock.json", "{}");
    write("db/migrations/0000_start.sql", "create table a (id int);");
    write("lib/parse.ts", "export const x = 1;");
    const first = appTemplateDir("demo", root);
    expect(first).toMatch(/app-9\.9\.9-[0-9a-f]{16}-demo$/);
    expect(appTemplateDir("demo", root)).toBe(first);
    expect(appTemplateDir("plain", root)).toBe(first!.replace(/-demo$/, "-plain"));
    write("db/migrations/0001_more.sql", "alter table a add column b int;");
    const second = appTemplateDir("demo", root);
    expect(second).not.toBe(first);
    write("lib/parse.ts", "export const x = 2;");
    expect(appTemplateDir("demo", root)).not.toBe(second);
  });
});
