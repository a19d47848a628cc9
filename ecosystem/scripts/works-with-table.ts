/**
 * Writes the "works with" table of the root README.md from ecosystem/src/rows.ts and the versions pinned in
 * ecosystem/package.json. `pnpm --filter @edge-ai/ecosystem table`; test/table.test.ts fails when it is stale.
 */
import { writeFileSync } from "node:fs";
import { readPackageFile, renderTable, withTable } from "../src/table.js";

const readme = readPackageFile("../README.md");
const next = withTable(readme, renderTable(readPackageFile("package.json")));
writeFileSync(new URL("../../README.md", import.meta.url), next);
console.log(next === readme ? "README.md works-with table is up to date" : "wrote README.md works-with table");
