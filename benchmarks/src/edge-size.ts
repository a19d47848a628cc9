/**
 * Size on the edge (issue 15, item 5): @edge-ai/client's edge entry bundled the way a Worker ships it (esbuild,
 * minified, ESM, workerd conditions, with the same node:util / undici / process shims as its tsup edge build),
 * measured raw and gzipped, in four variants: as published (zod external), with zod bundled (what a Worker
 * deploys), and both again without the catalog (the generated per-model zod schemas and model table stubbed out),
 * which is the client's own code. Not a timing: the figures are deterministic for a given source tree.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build, type Plugin } from "esbuild";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const client = join(repo, "packages", "client");
const contractGenerated = join(repo, "packages", "contract", "src", "generated");
const shim = (name: string): string => join(client, "src", "internal", "edge", `${name}.ts`);

/** The goal for the client without the catalog's schemas, gzip. */
export const EDGE_GZIP_GOAL_BYTES = 60 * 1024;

/** One measured bundle. */
export interface SizeRow {
  variant: string;
  zod: "external" | "bundled";
  catalog: "included" | "stubbed";
  minifiedBytes: number;
  gzipBytes: number;
  /** Bare imports left in the bundle (what the runtime must resolve). */
  imports: string[];
}

/** Swaps node:util (and undici) for the edge shims, as the client's tsup edge config does. */
const edgeShims: Plugin = {
  name: "edge-shims",
  setup(b) {
    b.onResolve({ filter: /^(node:)?util$/ }, () => ({ path: shim("node-util") }));
    b.onResolve({ filter: /^undici$/ }, () => ({ path: shim("undici") }));
  },
};

/** A module exporting every name of `file` as an empty value: the bundle keeps the client, drops the data. */
function stubOf(file: string): string {
  const names = new Set([...readFileSync(file, "utf8").matchAll(/^export (?:const|function|let) (\w+)/gm)].map((m) => m[1]!));
  return [...names].map((n) => `export const ${n} = undefined;`).join("\n");
}

const stubCatalog: Plugin = {
  name: "stub-catalog",
  setup(b) {
    b.onResolve({ filter: /generated\/(zod|catalog)\.js$/ }, (args) => {
      if (!args.importer.startsWith(join(repo, "packages", "contract"))) return undefined;
      const name = args.path.includes("zod") ? "zod" : "catalog";
      return { path: join(contractGenerated, `${name}.ts`), namespace: "stub" };
    });
    b.onLoad({ filter: /.*/, namespace: "stub" }, (args) => ({ contents: stubOf(args.path), loader: "js" }));
  },
};

async function bundle(zod: SizeRow["zod"], catalog: SizeRow["catalog"]): Promise<SizeRow> {
  const out = await build({
    entryPoints: [join(client, "src", "edge.ts")],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    conditions: ["@edge-ai/source", "workerd", "worker", "browser"],
    inject: [shim("process")],
    plugins: catalog === "stubbed" ? [stubCatalog, edgeShims] : [edgeShims],
    external: zod === "external" ? ["zod", "zod/*"] : [],
    write: false,
    logLevel: "silent",
    legalComments: "none",
  });
  const code = out.outputFiles[0]!.contents;
  const text = new TextDecoder().decode(code);
  const imports = [...new Set([...text.matchAll(/(?:^|[;}\s])import(?:[^"']*?from)?\s*["']([^"']+)["']/g)].map((m) => m[1]!))].sort();
  const variant = `${catalog === "included" ? "client + catalog" : "client without catalog"}, zod ${zod}`;
  return { variant, zod, catalog, minifiedBytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength, imports };
}

/** All four variants, smallest first. */
export async function measureEdgeSize(): Promise<SizeRow[]> {
  const rows: SizeRow[] = [];
  for (const catalog of ["stubbed", "included"] as const) for (const zod of ["external", "bundled"] as const) rows.push(await bundle(zod, catalog));
  return rows;
}

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

/** The Markdown table for results/edge-size.md. */
export function formatEdgeSize(rows: SizeRow[]): string {
  const lines = [
    "# Edge bundle size of @edge-ai/client",
    "",
    "esbuild, minified, ESM, workerd conditions, the edge shims; gzip level 9. Written by `pnpm --filter @edge-ai/benchmarks run size`.",
    "",
    "| variant | minified | gzip | bare imports left |",
    "| --- | ---: | ---: | --- |",
    ...rows.map((r) => `| ${r.variant} | ${kb(r.minifiedBytes)} | ${kb(r.gzipBytes)} | ${r.imports.join(", ") || "none"} |`),
    "",
    `Goal: the client without the catalog's schemas under ${kb(EDGE_GZIP_GOAL_BYTES)} gzip (zod external).`,
    "",
  ];
  return lines.join("\n");
}
