/**
 * The files the page may load, as a fixed allow-list: swagger-ui-dist's bundle and styles from
 * node_modules (never a CDN) and the page's own two assets. A fixed list means no path from the URL ever
 * reaches the file system, so there is no traversal to guard against.
 */
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import path from "node:path";

/** A file the server may send, with its content type. */
export interface StaticAsset {
  file: string;
  contentType: string;
}

const require = createRequire(import.meta.url);

/** Directory of the installed swagger-ui-dist (pinned to 5.35.0 in package.json). */
export const SWAGGER_UI_DIR = path.dirname(require.resolve("swagger-ui-dist/package.json"));

const OWN_ASSETS_DIR = fileURLToPath(new URL("./assets/", import.meta.url));

const SWAGGER_FILES: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui.css.map": "application/json",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
  "swagger-ui-bundle.js.map": "application/json",
  "swagger-ui-standalone-preset.js": "text/javascript; charset=utf-8",
  "swagger-ui-standalone-preset.js.map": "application/json",
  "favicon-16x16.png": "image/png",
  "favicon-32x32.png": "image/png",
};

/**
 * Maps URL paths to files. Swagger UI's files live under `/swagger-ui/`, the page's own at the root.
 *
 * @example staticAssets().get("/swagger-ui/swagger-ui.css")?.file
 */
export function staticAssets(): Map<string, StaticAsset> {
  const assets = new Map<string, StaticAsset>();
  for (const [name, contentType] of Object.entries(SWAGGER_FILES)) {
    assets.set(`/swagger-ui/${name}`, { file: path.join(SWAGGER_UI_DIR, name), contentType });
  }
  assets.set("/docs-init.js", { file: path.join(OWN_ASSETS_DIR, "docs-init.js"), contentType: "text/javascript; charset=utf-8" });
  assets.set("/docs.css", { file: path.join(OWN_ASSETS_DIR, "docs.css"), contentType: "text/css; charset=utf-8" });
  assets.set("/favicon.ico", { file: path.join(SWAGGER_UI_DIR, "favicon-32x32.png"), contentType: "image/png" });
  return assets;
}
