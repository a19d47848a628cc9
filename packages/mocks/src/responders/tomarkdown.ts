/**
 * POST /ai/tomarkdown (multipart `files`) and GET /ai/tomarkdown/supported: one markdown document per uploaded file.
 * Text-like files are converted (HTML tags dropped, headings kept), other supported types get a short summary.
 */
import { failure, success } from "../envelope.js";
import type { MockRequest, MockResponse } from "../mock-response.js";
import { readMultipart } from "./multipart.js";

/** The formats the emulator answers for, as `{extension, mimeType}` (a subset of the real list). */
export const supportedFormats = [
  { extension: ".pdf", mimeType: "application/pdf" },
  { extension: ".html", mimeType: "text/html" },
  { extension: ".htm", mimeType: "text/html" },
  { extension: ".xml", mimeType: "application/xml" },
  { extension: ".csv", mimeType: "text/csv" },
  { extension: ".txt", mimeType: "text/plain" },
  { extension: ".md", mimeType: "text/markdown" },
  { extension: ".json", mimeType: "application/json" },
  { extension: ".jpeg", mimeType: "image/jpeg" },
  { extension: ".jpg", mimeType: "image/jpeg" },
  { extension: ".png", mimeType: "image/png" },
  { extension: ".xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  { extension: ".docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
];

function mimeOf(name: string, declared: string | undefined): string | undefined {
  const byName = supportedFormats.find((f) => name.toLowerCase().endsWith(f.extension))?.mimeType;
  return declared && declared !== "application/octet-stream" ? declared.split(";")[0]!.trim() : byName;
}

function toMarkdown(name: string, mime: string, data: Uint8Array): string {
  if (mime === "text/html" || mime === "application/xml") {
    const text = new TextDecoder().decode(data);
    return text
      .replace(/<h([1-6])[^>]*>(.*?)<\/h\1>/gis, (_m, level: string, inner: string) => `\n${"#".repeat(Number(level))} ${inner.trim()}\n`)
      .replace(/<[^>]+>/g, "")
      .replace(/\n{3,}/g, "\n\n")
      .trim();
  }
  if (mime.startsWith("text/") || mime === "application/json") return new TextDecoder().decode(data).trim();
  return `# ${name}\n\n${mime} document, ${data.length} bytes.`;
}

const tokens = (text: string) => Math.max(1, Math.ceil(text.length / 4));

/** POST tomarkdown. */
export function convertToMarkdown(req: MockRequest): MockResponse {
  const parts = readMultipart(req.header("content-type"), req.body);
  if (!parts) return failure(400, 3003, "Bad input: send the files as multipart/form-data in the field `files`");
  const files = parts.filter((p) => p.name === "files" || p.name === "files[]" || p.filename !== undefined);
  if (files.length === 0) return failure(400, 3003, "Bad input: no file in the `files` field");
  return success(
    files.map((file) => {
      const name = file.filename ?? file.name;
      const mime = mimeOf(name, file.contentType);
      if (!mime || !supportedFormats.some((f) => f.mimeType === mime)) {
        return { name, mimeType: mime ?? "application/octet-stream", format: "error", error: `Unsupported file type: ${mime ?? "unknown"}` };
      }
      const data = toMarkdown(name, mime, file.data);
      return { name, mimeType: mime, format: "markdown", tokens: tokens(data), data };
    }),
  );
}

/** GET tomarkdown/supported. */
export function supportedMarkdownFormats(): MockResponse {
  return success(supportedFormats);
}
