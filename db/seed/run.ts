// `npm run db:seed`: migrates, then applies the seed steps not yet applied. Running it twice changes nothing.
import { withCliDb } from "../script";
import { seed } from "./index";

await withCliDb(async (handle) => {
  await handle.migrate();
  const applied = await seed(handle.db);
  console.log(applied.length ? `seeded (${handle.engine}): ${applied.join(", ")}` : `already seeded (${handle.engine}): nothing to do`);
});
