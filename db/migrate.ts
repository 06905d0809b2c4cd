// `npm run db:migrate`: applies the committed migrations to the configured database.
import { withCliDb } from "./script";

await withCliDb(async (handle) => {
  await handle.migrate();
  console.log(`migrations applied (${handle.engine})`);
});
