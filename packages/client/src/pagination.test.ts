import { describe, expect, it } from "vitest";
import { PageIterator } from "./pagination.js";

describe("PageIterator", () => {
  it("stops at total_pages without fetching an extra empty page", async () => {
    const fetched: number[] = [];
    const it = new PageIterator(async (page) => {
      fetched.push(page);
      return { items: [page * 10, page * 10 + 1], resultInfo: { page, per_page: 2, total_pages: 2 } };
    });
    expect(await it.toArray()).toEqual([10, 11, 20, 21]);
    expect(fetched).toEqual([1, 2]);
  });

  it("starts at the requested page and exposes whole pages", async () => {
    const it = new PageIterator(async (page) => ({ items: page < 4 ? [page] : [], resultInfo: undefined }), 2);
    const pages = [];
    for await (const p of it.pages()) pages.push(p.items);
    expect(pages).toEqual([[2], [3]]);
  });
});
