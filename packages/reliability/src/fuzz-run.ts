/**
 * `fc.assert` that also records how many cases ran and whether the property failed, so the long run can report
 * "fuzz cases" and "crashes" per property rather than a planned number. On failure it throws like `fc.assert`
 * (counterexample, seed and path in the message, the original error as `cause`).
 */
import fc from "fast-check";
import { recordFigures } from "./figures.js";

/** Checks `property` with `params`; records `{property: name, runs, failed}`; throws on failure. */
export async function fuzz<Ts extends [unknown, ...unknown[]]>(
  name: string,
  property: fc.IProperty<Ts> | fc.IAsyncProperty<Ts>,
  params: fc.Parameters<Ts>,
): Promise<void> {
  const details = await fc.check(property as fc.IAsyncProperty<Ts>, params);
  recordFigures("fuzz", { property: name, runs: details.numRuns, failed: details.failed, seed: details.seed });
  if (details.failed) {
    const message = (await fc.asyncDefaultReportMessage(details)) ?? `property ${name} failed`;
    throw new Error(message, { cause: details.errorInstance });
  }
}
