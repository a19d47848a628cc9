/**
 * Auto-pagination for the discovery endpoints (`models/search`). Pages are fetched lazily as the caller
 * iterates, and iteration stops at an empty page, a short page, or `total_pages`, whichever comes first; the
 * official SDK relies on the empty page only, which costs one extra request.
 */
import type { ResponseInfo } from "./api-promise.js";

/** The `result_info` block of a paged Cloudflare envelope. */
export interface ResultInfo {
  page?: number;
  per_page?: number;
  count?: number;
  total_count?: number;
  total_pages?: number;
}

/** One fetched page, with the HTTP answer it came in (request id, `Ratelimit`). */
export interface Page<T> {
  items: T[];
  resultInfo: ResultInfo | undefined;
  /** The HTTP answer of this page (always set by the client's own iterators). */
  response?: ResponseInfo;
}

/**
 * An async iterable over every item of every page; iterate it with `for await`, or call `toArray()`.
 * @example for await (const model of ai.models.search({ task: "Text Generation" })) console.log(model.name);
 */
export class PageIterator<T> implements AsyncIterable<T> {
  constructor(
    private readonly fetchPage: (page: number) => Promise<Page<T>>,
    private readonly firstPage = 1,
    private readonly perPage?: number,
  ) {}

  /** Yields whole pages instead of items, for callers that batch their own work. */
  async *pages(): AsyncGenerator<Page<T>> {
    for (let page = this.firstPage; ; page++) {
      const current = await this.fetchPage(page);
      if (current.items.length === 0) return;
      yield current;
      const info = current.resultInfo;
      if (info?.total_pages !== undefined && page >= info.total_pages) return;
      const perPage = info?.per_page ?? this.perPage;
      if (perPage !== undefined && current.items.length < perPage) return;
      if (info?.total_count !== undefined && perPage !== undefined && page * perPage >= info.total_count) return;
    }
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for await (const page of this.pages()) yield* page.items;
  }

  /** Collects every item into an array (fetches all pages). */
  async toArray(): Promise<T[]> {
    const out: T[] = [];
    for await (const item of this) out.push(item);
    return out;
  }
}
