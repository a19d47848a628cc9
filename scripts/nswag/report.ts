/**
 * The lossy-change report. The export is a down-conversion, so every place where it gives something up is
 * recorded with the checklist rule it serves; the script prints the list and a per-rule count.
 */

/** One lossy or shaping change made by the export. */
export interface ReportEntry {
  /** Checklist rule number (Part 3.3 of sdk-anchors.md). */
  rule: number;
  /** JSON-pointer-like location in the source document. */
  where: string;
  what: string;
}

/** Collects report entries; `lines()` is stable for a given input, so the printed report can be diffed. */
export class Report {
  readonly entries: ReportEntry[] = [];

  /** Records one change; `where` is a JSON-pointer-like path into the source document. */
  add(rule: number, where: string, what: string): void {
    this.entries.push({ rule, where, what });
  }

  /** Every entry, one line each (`--verbose`). */
  lines(): string[] {
    return this.entries.map((e) => `rule ${String(e.rule).padStart(2)}  ${e.where}: ${e.what}`);
  }

  /**
   * The same entries with identical changes folded into one line ("… at 57 places, e.g. A, B"), so the
   * default output stays readable while still naming every kind of loss.
   */
  grouped(): string[] {
    const groups = new Map<string, ReportEntry[]>();
    for (const e of this.entries) {
      const key = `${e.rule}\u0000${e.what}`;
      groups.set(key, [...(groups.get(key) ?? []), e]);
    }
    return [...groups.values()].map((g) => {
      const first = g[0] as ReportEntry;
      if (g.length === 1) return `rule ${String(first.rule).padStart(2)}  ${first.where}: ${first.what}`;
      const sample = g.slice(0, 2).map((e) => e.where).join(", ");
      return `rule ${String(first.rule).padStart(2)}  ${first.what} — at ${g.length} places, e.g. ${sample}`;
    });
  }

  /** One line: the total and the count per checklist rule. */
  summary(): string {
    const byRule = new Map<number, number>();
    for (const e of this.entries) byRule.set(e.rule, (byRule.get(e.rule) ?? 0) + 1);
    const parts = [...byRule.entries()].sort((a, b) => a[0] - b[0]).map(([r, n]) => `rule ${r}: ${n}`);
    return `${this.entries.length} lossy/shaping changes (${parts.join(", ")})`;
  }
}
