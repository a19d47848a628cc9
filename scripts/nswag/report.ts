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

  add(rule: number, where: string, what: string): void {
    this.entries.push({ rule, where, what });
  }

  lines(): string[] {
    return this.entries.map((e) => `rule ${String(e.rule).padStart(2)}  ${e.where}: ${e.what}`);
  }

  summary(): string {
    const byRule = new Map<number, number>();
    for (const e of this.entries) byRule.set(e.rule, (byRule.get(e.rule) ?? 0) + 1);
    const parts = [...byRule.entries()].sort((a, b) => a[0] - b[0]).map(([r, n]) => `rule ${r}: ${n}`);
    return `${this.entries.length} lossy/shaping changes (${parts.join(", ")})`;
  }
}
