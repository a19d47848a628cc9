/** Number formatting and a markdown table helper shared by the console output and latest.md. */

/** Requests/s with thousands separators, no decimals. */
export function fmtRps(n: number | undefined): string {
  return n === undefined || !Number.isFinite(n) ? "n/a" : Math.round(n).toLocaleString("en-US");
}

/** Milliseconds with two decimals below 10 ms, one above. */
export function fmtMs(n: number | undefined | null): string {
  if (n === undefined || n === null || !Number.isFinite(n)) return "n/a";
  return n < 10 ? n.toFixed(2) : n.toFixed(1);
}

/** Bytes as MiB with one decimal. */
export function fmtMiB(n: number | undefined): string {
  return n === undefined || !Number.isFinite(n) ? "n/a" : `${(n / 2 ** 20).toFixed(1)} MiB`;
}

/** A ratio as "1.23x", with the goal verdict when a goal is given. */
export function fmtRatio(r: number | null | undefined, goal?: number): string {
  if (r === null || r === undefined) return "n/a";
  const base = `${r.toFixed(2)}x`;
  if (goal === undefined) return base;
  return `${base} ${r >= goal ? "✓" : "✗"} (goal ≥ ${goal}x)`;
}

/** A GitHub-flavoured markdown table; cells are escaped for pipes. */
export function mdTable(header: string[], rows: string[][]): string {
  const esc = (s: string) => s.replace(/\|/g, "\\|");
  return [`| ${header.map(esc).join(" | ")} |`, `| ${header.map(() => "---").join(" | ")} |`, ...rows.map((r) => `| ${r.map(esc).join(" | ")} |`)].join("\n");
}
