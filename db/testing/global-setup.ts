// Builds one migrated, seeded template per test run; each test file then starts from a copy of it.
import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import type { TestProject } from "vitest/node";
import { adminSql, buildTemplate, type TestEngine } from "./engines";

declare module "vitest" {
  export interface ProvidedContext {
    template: string;
  }
}

export default async function setup(project: TestProject) {
  // Runs in the main process, where the project's test env is not applied: read the engine off its name.
  const engine: TestEngine = project.name.endsWith("postgres") ? "postgres" : "pglite";
  const template =
    engine === "pglite" ? path.join(os.tmpdir(), `wifi-atlas-template-${process.pid}-${Date.now()}.tar.gz`) : `wifi_atlas_tpl_${process.pid}_${Date.now()}`;
  await buildTemplate(engine, template);
  project.provide("template", template);
  return async () => {
    if (engine === "pglite") fs.rmSync(template, { force: true });
    else await adminSql(`drop database if exists "${template}"`);
  };
}
