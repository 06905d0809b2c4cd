// `npm install` (postinstall): writes the embedded database's empty cluster for new folders to start from.
import path from "node:path";
import { writeTemplate } from "./pglite-template";

const started = performance.now();
const file = await writeTemplate();
console.log(`embedded database template: ${path.relative(process.cwd(), file)} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
