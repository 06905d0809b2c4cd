// Gives each integration test file its own copy of the seeded database and points the app's queries at it.
import { afterAll, beforeAll, inject } from "vitest";
import { useDbHandle } from "../../server/database";
import { openFromTemplate, testEngine } from "./engines";

let handle: Awaited<ReturnType<typeof openFromTemplate>> | undefined;

beforeAll(async () => {
  const name = `wifi_atlas_t_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  handle = await openFromTemplate(testEngine(), inject("template"), name);
  useDbHandle(handle);
});

afterAll(async () => {
  useDbHandle(undefined);
  await handle?.drop();
  await handle?.close().catch(() => {});
});
