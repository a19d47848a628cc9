/**
 * Markdown conversion: `ai.toMarkdown(files)` (POST /ai/tomarkdown) and `ai.documents.supportedFormats()`
 * (GET /ai/tomarkdown/supported). Results are typed from the contract's components.
 */
import type { zToMarkdownDocument, zToMarkdownFormat } from "@edge-ai/contract";
import type { z } from "zod";
import type { RequestOptions } from "../internal/core.js";
import { encodeMultipart, fileBytes, type UploadFile } from "../internal/multipart.js";
import type { RunContext } from "../run.js";
import { ValidationError } from "../errors.js";
import { validateResponse } from "../validation.js";

/** One converted file: `format` is `markdown` (with `data`) or `error` (with `error`). */
export type MarkdownDocument = z.output<typeof zToMarkdownDocument>;
/** A format tomarkdown converts: `{extension, mimeType}`. */
export type MarkdownFormat = z.output<typeof zToMarkdownFormat>;
export type { UploadFile };

/** The `ai.documents` namespace. */
export class Documents {
  readonly #ctx: RunContext;
  constructor(ctx: RunContext) {
    this.#ctx = ctx;
  }

  /**
   * Converts each file to one markdown document, in upload order.
   * @example const [doc] = await ai.toMarkdown([{ name: "page.html", data: "<h1>Hi</h1>", type: "text/html" }]);
   */
  async toMarkdown(files: UploadFile[], options?: RequestOptions): Promise<MarkdownDocument[]> {
    if (!Array.isArray(files) || files.length === 0) {
      throw new ValidationError("request", "ToMarkdownRequest", [{ path: "files", rule: "min_items", message: "at least one file is required" }]);
    }
    files.forEach((f, i) => {
      if (!f || typeof f.name !== "string" || f.name === "") {
        throw new ValidationError("request", "ToMarkdownRequest", [{ path: `files[${i}].name`, rule: "required", message: "every file needs a name" }]);
      }
    });
    const fields = await Promise.all(files.map(async (f) => ["files", { filename: f.name, data: await fileBytes(f), contentType: f.type }] as [string, { filename: string; data: Uint8Array; contentType?: string }]));
    const { body, contentType } = encodeMultipart(fields);
    const ctx = this.#ctx;
    const { result } = await ctx.core.json({ method: "POST", path: "/ai/tomarkdown", body, contentType, streaming: false, options });
    await validateResponse("ToMarkdownDocument[]", result, ctx);
    return (result as MarkdownDocument[] | null) ?? [];
  }

  /**
   * The file types tomarkdown converts.
   * @example const formats = await ai.documents.supportedFormats();
   */
  async supportedFormats(options?: RequestOptions): Promise<MarkdownFormat[]> {
    const ctx = this.#ctx;
    const { result } = await ctx.core.json({ method: "GET", path: "/ai/tomarkdown/supported", streaming: false, options });
    await validateResponse("ToMarkdownFormat[]", result, ctx);
    return (result as MarkdownFormat[] | null) ?? [];
  }
}
