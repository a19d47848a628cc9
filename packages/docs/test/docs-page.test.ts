/**
 * The docs page in a real browser (Debian chromium via playwright-core), against the real contract and NSwag
 * export in openapi/dist and the real emulator from @edge-ai/mocks, all on 127.0.0.1 with ephemeral ports.
 */
import { mkdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import {
  DEMO_TOKEN,
  REPO_ROOT,
  defaultSpecSources,
  listOperations,
  pageSummary,
  startDocs,
  type OpenApiDocument,
  type RunningDocs,
  type SpecSource,
} from "../src/index.js";
import { isLocalUrl, launchChromium, recordTraffic, watchPage, type Traffic } from "./browser.js";

const DIST_DIR = path.join(REPO_ROOT, "openapi", "dist");
const SCREENSHOT_DIR = path.join(REPO_ROOT, ".artifacts", "screenshots");
const [CONTRACT, NSWAG] = defaultSpecSources(DIST_DIR) as [SpecSource, SpecSource];

function readSpec(source: SpecSource): OpenApiDocument {
  if (!existsSync(source.file)) {
    throw new Error(`${source.file} is missing: run \`${source.producedBy}\` before the docs browser test`);
  }
  return JSON.parse(readFileSync(source.file, "utf8")) as OpenApiDocument;
}

/** How many `.opblock`s Swagger UI draws: one per operation and tag (untagged ones go under "default"). */
function expectedBlocks(document: OpenApiDocument): number {
  return listOperations(document).reduce((sum, op) => sum + Math.max(1, op.tags.length), 0);
}

/** Swagger UI's deep-link form of a tag or operationId (whitespace becomes %20). */
function deepLinkPart(text: string): string {
  return text.trim().replace(/\s/g, "%20");
}

interface RenderedOperation {
  operationId: string;
  path: string;
  method: string;
}

async function renderedOperations(page: Page): Promise<RenderedOperation[]> {
  return page.$$eval(".opblock", (blocks) =>
    blocks.map((block) => ({
      operationId: block.querySelector(".opblock-summary-operation-id")?.textContent?.trim() ?? "",
      // Deprecated operations wrap the path in another element; both carry data-path.
      path: block.querySelector(".opblock-summary [data-path]")?.getAttribute("data-path") ?? "",
      method: block.querySelector(".opblock-summary-method")?.textContent?.trim().toLowerCase() ?? "",
    })),
  );
}

async function waitForBlocks(page: Page, count: number): Promise<void> {
  await page.waitForFunction((n) => document.querySelectorAll(".opblock").length >= n, count, { timeout: 60_000 });
}

// Swagger UI 5 logs this through console.error for every deep link whose tag or operationId contains "_"
// (it cannot tell an underscore from the old `_`-for-space escaping; swagger-api/swagger-ui#4953). Our
// operationIds (runLlama31_8bInstruct...) have underscores, so this one message is expected; any other fails.
const SWAGGER_UI_UNDERSCORE_WARNING = /^Deprecated: escaping deep link whitespace with `_` is unsupported/;

let contract: OpenApiDocument;
let nswag: OpenApiDocument;
let browser: Browser;
let docs: RunningDocs;
let context: BrowserContext | undefined;
let traffic: Traffic;

// A missing chromium, spec file or emulator fails every test with the reason (never a skip): setup errors
// are kept and rethrown before each test instead of failing the beforeAll hook, which would mark the tests "skipped".
let setupError: unknown;

beforeAll(async () => {
  try {
    contract = readSpec(CONTRACT);
    nswag = readSpec(NSWAG);
    browser = await launchChromium();
    docs = await startDocs({ port: 0, emulatorPort: 0, startEmulator: true, quiet: true, sources: [CONTRACT, NSWAG] });
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
  } catch (error) {
    setupError = error;
  }
});

afterAll(async () => {
  await browser?.close();
  await docs?.close();
});

beforeEach(() => {
  if (setupError) throw setupError;
});

async function openPage(suffix = ""): Promise<Page> {
  const fresh = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  context = fresh;
  traffic = await recordTraffic(fresh);
  const page = await fresh.newPage();
  watchPage(page, traffic);
  await page.goto(new URL(suffix, docs.url).href);
  return page;
}

afterEach(async () => {
  if (!context) return; // the test failed before opening a page
  // Every test's page stays on this machine and runs without errors.
  expect(traffic.requests.length).toBeGreaterThan(0);
  expect(traffic.requests.filter((url) => !isLocalUrl(url))).toEqual([]);
  expect(traffic.pageErrors).toEqual([]);
  expect(traffic.consoleErrors.filter((message) => !SWAGGER_UI_UNDERSCORE_WARNING.test(message))).toEqual([]);
  await context.close();
  context = undefined;
});

// Rendering ~60 operations takes seconds on a loaded 2-core runner; these bounds only catch hangs.
describe("pnpm run docs in headless chromium", { timeout: 120_000 }, () => {
  it("opens on the contract's title and summary and renders every operation of the contract", async () => {
    const page = await openPage();
    const title = contract.info?.title ?? "";
    expect(title).not.toBe("");
    await expect.poll(() => page.title()).toBe(title);
    expect(await page.textContent("#edge-ai-title")).toBe(title);
    const summary = pageSummary(contract.info);
    expect(summary).not.toBe("");
    if (contract.info?.summary) expect(summary).toBe(contract.info.summary.trim());
    expect(await page.textContent("#edge-ai-summary")).toBe(summary);

    const expected = listOperations(contract);
    await waitForBlocks(page, expectedBlocks(contract));
    const rendered = await renderedOperations(page);
    expect(rendered).toHaveLength(expectedBlocks(contract));
    const renderedIds = new Set(rendered.map((op) => op.operationId));
    const renderedKeys = new Set(rendered.map((op) => `${op.method} ${op.path}`));
    for (const op of expected) {
      expect(renderedIds, `operationId ${op.operationId}`).toContain(op.operationId);
      expect(renderedKeys, `${op.method} ${op.path}`).toContain(`${op.method} ${op.path}`);
    }
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "docs.png") });

    // The page's Content-Security-Policy makes chromium itself refuse an off-machine call before any request
    // is made (the recorder in afterEach would list it otherwise).
    const violated = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.addEventListener("securitypolicyviolation", (e) => resolve(e.effectiveDirective), { once: true });
          fetch("https://example.com/").catch(() => undefined);
        }),
    );
    expect(violated).toBe("connect-src");
    // chromium also logs the refusal as a console error; it is this test's doing, so drop it once it arrives.
    const isRefusal = (m: string): boolean => m.includes("https://example.com/") && m.includes("Content Security Policy");
    await expect.poll(() => traffic.consoleErrors.some(isRefusal)).toBe(true);
    traffic.consoleErrors = traffic.consoleErrors.filter((m) => !isRefusal(m));
  });

  it("lists the emulator of this run first and Cloudflare second in the servers selector", async () => {
    const page = await openPage();
    await page.waitForSelector(".servers select");
    const servers = await page.$$eval(".servers select option", (options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(servers[0]).toBe(docs.emulatorUrl);
    expect(servers[1]).toMatch(/^https:\/\/api\.cloudflare\.com\/client\/v4/);
    expect(servers.filter((url) => url.includes(":8787") && docs.emulatorUrl !== url)).toEqual([]);
  });

  it("switches to the NSwag export and renders every operation of it", async () => {
    const page = await openPage();
    await waitForBlocks(page, 1);
    await page.selectOption(".topbar select", { label: NSWAG.name });
    // The "OAS 3.0" badge tells the switch happened even if both documents carry the same title.
    const badge = `OAS ${(nswag.openapi ?? "").split(".").slice(0, 2).join(".")}`;
    expect(badge).not.toBe(`OAS ${(contract.openapi ?? "").split(".").slice(0, 2).join(".")}`);
    await page.waitForFunction((v) => document.querySelector(".info .version-stamp")?.textContent?.trim() === v, badge);
    await waitForBlocks(page, expectedBlocks(nswag));
    const rendered = await renderedOperations(page);
    expect(rendered).toHaveLength(expectedBlocks(nswag));
    const renderedIds = new Set(rendered.map((op) => op.operationId));
    for (const op of listOperations(nswag)) expect(renderedIds).toContain(op.operationId);
    // The selection is in the URL, so reloading (or sharing the link) keeps the NSwag export.
    expect(new URL(page.url()).searchParams.get("urls.primaryName")).toBe(NSWAG.name);
    await page.reload();
    await page.waitForFunction((v) => document.querySelector(".info .version-stamp")?.textContent?.trim() === v, badge);
  });

  it("opens the operation a deep link names, and only that one", async () => {
    // A deprecated model from the middle of the contract: Swagger UI styles those differently (no is-open
    // class), so the check looks at which operation body is visible, which holds for every operation.
    const ops = listOperations(contract).filter((op) => op.operationId && op.tags.length > 0);
    const target = ops.find((op, i) => op.deprecated && i >= ops.length / 3) ?? ops[Math.floor(ops.length / 2)]!;
    const page = await openPage(`#/${deepLinkPart(target.tags[0]!)}/${deepLinkPart(target.operationId!)}`);
    await waitForBlocks(page, expectedBlocks(contract));
    const block = page.locator(".opblock", { has: page.locator(`.opblock-summary-operation-id:text-is("${target.operationId}")`) });
    await block.locator(".opblock-body").waitFor({ timeout: 60_000 });
    expect(await page.locator(".opblock .opblock-body").count()).toBe(1);
    expect(await block.locator(".opblock-summary [data-path]").getAttribute("data-path")).toBe(target.path);
    // Swagger UI scrolls the linked operation into view.
    await expect.poll(() => block.evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(1000);
  });

  it("runs a chat completion with Try it out against the emulator and shows the 200 answer", async () => {
    const chat = listOperations(contract).find(
      (op) =>
        op.method === "post" && op.tags.includes("Text Generation") && op.path.includes("/ai/run/@cf/") && op.operationId && !op.deprecated,
    );
    expect(chat, "a current Text Generation operation on /ai/run/@cf/...").toBeDefined();
    const page = await openPage(`#/${deepLinkPart("Text Generation")}/${deepLinkPart(chat!.operationId!)}`);
    const block = page.locator(".opblock.is-open");
    await block.waitFor({ timeout: 60_000 });

    await block.locator("button.try-out__btn").click();
    await block.locator('tr[data-param-name="account_id"] input').fill("023e105f4ecef8ad9ca31a8372d0c353");
    const body = { messages: [{ role: "user", content: "Say hello to the docs page." }] };
    await block.locator("textarea.body-param__text").fill(JSON.stringify(body, null, 2));
    const mediaType = block.locator('.responses-wrapper select[aria-label="Media Type"]');
    if ((await mediaType.count()) > 0) await mediaType.first().selectOption("application/json");

    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().startsWith(docs.emulatorUrl) && r.request().method() === "POST"),
      block.locator("button.execute").click(),
    ]);
    expect(response.status()).toBe(200);
    expect(response.request().headers().authorization).toBe(`Bearer ${DEMO_TOKEN}`);
    const json = (await response.json()) as { success: boolean; result: { response?: unknown } };
    expect(json.success).toBe(true);
    expect(typeof json.result.response).toBe("string");
    const answer = json.result.response as string;
    expect(answer.length).toBeGreaterThan(0);

    const live = block.locator(".live-responses-table tbody .response");
    await live.locator(".response-col_status").waitFor();
    expect((await live.locator(".response-col_status").textContent())?.trim()).toBe("200");
    // Swagger UI pretty-prints the JSON body, so the answer appears with JSON string escaping.
    const shown = JSON.stringify(answer).slice(1, 61);
    await expect.poll(() => live.textContent()).toContain(shown);
    await block.screenshot({ path: path.join(SCREENSHOT_DIR, "docs-try-it-out.png") });
  });
});
