/** Types of checks.mjs (plain JavaScript so every runtime runs the same file unchanged). */
export declare const CHECK_NAMES: readonly string[];
export interface CheckResult {
  name: string;
  ok: boolean;
  detail?: string;
}
export declare function runChecks(options: { baseUrl: string; gatewayUrl: string }): Promise<CheckResult[]>;
