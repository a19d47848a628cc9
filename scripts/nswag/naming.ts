/**
 * Names for the NSwag export: NSwag turns operationIds and component keys straight into C# identifiers, so every
 * name the export invents goes through here and comes out as `[A-Za-z][A-Za-z0-9]*` (PascalCase, no separators).
 */

/** Splits on anything that is not a letter or digit, and on lower→upper case changes. */
function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0);
}

/**
 * PascalCase identifier from any text ("text generation" → "TextGeneration", "bge-base-en-v1.5" →
 * "BgeBaseEnV15"). A leading digit gets an "N" prefix because C# identifiers cannot start with one.
 */
export function pascalCase(text: string): string {
  const joined = words(text)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("");
  return /^[0-9]/.test(joined) ? `N${joined}` : joined;
}

/** Enum member names for `x-enumNames`: PascalCase of each value, made unique, never empty. */
export function enumNames(values: readonly unknown[]): string[] {
  const seen = new Map<string, number>();
  return values.map((v) => {
    const base = pascalCase(String(v)) || "Empty";
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return n === 0 ? base : `${base}${n + 1}`;
  });
}

/** Picks `wanted` or `wanted2`, `wanted3`… so an invented component key never collides with an existing one. */
export function uniqueName(wanted: string, taken: (name: string) => boolean): string {
  if (!taken(wanted)) return wanted;
  for (let i = 2; ; i++) if (!taken(`${wanted}${i}`)) return `${wanted}${i}`;
}

/** Names the generated C# already uses; a component with one of these keys would clash with NSwag's own types. */
export const reservedTypeNames = new Set(["FileResponse", "ApiException", "FileParameter", "Object", "object"]);

/**
 * Component names that compile but shadow a BCL type every caller uses (`Task` hides
 * System.Threading.Tasks.Task in any namespace below the client's); the export renames them.
 */
export const shadowingTypeNames: Record<string, string> = {
  Task: "TaskInfo", Type: "TypeInfo", String: "StringValue", Exception: "ExceptionInfo", Action: "ActionInfo",
  Func: "FuncInfo", Stream: "StreamInfo", Uri: "UriInfo", Attribute: "AttributeInfo", Version: "VersionInfo",
};
