import { describe, expect, it } from "vitest";
import { readMultipart } from "./multipart.js";

const form = (disposition: string) =>
  new TextEncoder().encode(`--b\r\nContent-Disposition: form-data; ${disposition}\r\nContent-Type: text/plain\r\n\r\nhello\r\n--b--\r\n`);

describe("readMultipart", () => {
  it("reads quoted and bare Content-Disposition parameters alike", () => {
    const quoted = readMultipart("multipart/form-data; boundary=b", form('name="files"; filename="a.txt"'));
    const bare = readMultipart("multipart/form-data; boundary=b", form("name=files; filename=a.txt"));
    for (const parts of [quoted, bare]) {
      expect(parts?.map((p) => [p.name, p.filename, p.contentType, new TextDecoder().decode(p.data)])).toEqual([["files", "a.txt", "text/plain", "hello"]]);
    }
  });

  it("does not take a part's filename for its missing name", () => {
    expect(readMultipart("multipart/form-data; boundary=b", form('filename="a.txt"'))).toEqual([]);
  });
});
