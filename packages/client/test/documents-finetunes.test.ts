import { type RunningEmulator, startEmulator } from "@edge-ai/mocks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ValidationError } from "../src/index.js";
import { testClient } from "./support/client.js";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, quiet: true, rateLimits: false });
});
afterAll(async () => {
  await emulator.close();
});

describe("ai.toMarkdown against the emulator", () => {
  it("uploads files as multipart and gets one markdown document per file, in order", async () => {
    const ai = testClient(emulator.url);
    const docs = await ai.toMarkdown([
      { name: "page.html", data: "<h1>Lighthouses</h1><p>They guide ships.</p>", type: "text/html" },
      { name: "notes.txt", data: new TextEncoder().encode("plain notes") },
      { name: "blob.csv", data: new Blob(["a,b\n1,2"]), type: "text/csv" },
    ]);
    expect(docs.map((d) => d.name)).toEqual(["page.html", "notes.txt", "blob.csv"]);
    expect(docs[0]).toMatchObject({ format: "markdown", mimeType: "text/html" });
    expect(docs[0]!.data).toContain("# Lighthouses");
    expect(docs[1]!.data).toBe("plain notes");
    expect(docs[2]!.data).toContain("a,b");
    await ai.close();
  });

  it("reports an unsupported file as an error document, and lists the supported formats", async () => {
    const ai = testClient(emulator.url);
    const [doc] = await ai.toMarkdown([{ name: "archive.zip", data: new Uint8Array([80, 75, 3, 4]), type: "application/zip" }]);
    expect(doc).toMatchObject({ format: "error" });
    const formats = await ai.documents.supportedFormats();
    expect(formats).toContainEqual({ extension: ".pdf", mimeType: "application/pdf" });
    await ai.close();
  });

  it("refuses an empty file list before sending anything", async () => {
    const ai = testClient(emulator.url);
    await expect(ai.toMarkdown([])).rejects.toBeInstanceOf(ValidationError);
    await ai.close();
  });
});

describe("ai.finetunes against the emulator", () => {
  it("creates a fine-tune, lists it and uploads its assets", async () => {
    const ai = testClient(emulator.url);
    const created = await ai.finetunes.create({ model: "@cf/mistral/mistral-7b-instruct-v0.2-lora", name: `adapter-${process.pid}`, description: "test" });
    expect(created).toMatchObject({ name: `adapter-${process.pid}`, model: "@cf/mistral/mistral-7b-instruct-v0.2-lora" });
    expect((await ai.finetunes.list()).map((f) => f.id)).toContain(created.id);
    const asset = await ai.finetunes.uploadAsset(created.id!, { name: "adapter_config.json", data: JSON.stringify({ r: 8 }) });
    expect(asset).toMatchObject({ file_name: "adapter_config.json", finetune_id: created.id });
    await ai.close();
  });

  it("lists public fine-tunes with paging", async () => {
    const ai = testClient(emulator.url);
    const all = await ai.finetunes.listPublic();
    expect(all.length).toBeGreaterThan(0);
    expect(await ai.finetunes.listPublic({ limit: 1 })).toHaveLength(1);
    await ai.close();
  });

  it("refuses a create without a name before sending, and an unknown base model with 5007", async () => {
    const ai = testClient(emulator.url, { maxRetries: 0 });
    await expect(ai.finetunes.create({ model: "@cf/mistral/mistral-7b-instruct-v0.2-lora" } as never)).rejects.toBeInstanceOf(ValidationError);
    await expect(ai.finetunes.create({ model: "@cf/acme/nothing", name: "x" })).rejects.toMatchObject({ code: 5007 });
    await ai.close();
  });
});
