/**
 * Detects prototype pollution. Decoders fed `{"__proto__": {...}}` must not change the built-in prototypes; a
 * snapshot of their own property keys and descriptors, compared after the run, catches additions, deletions and
 * replaced methods, not only the one key a test happened to name.
 */

const guarded: ReadonlyArray<readonly [string, object]> = [
  ["Object.prototype", Object.prototype],
  ["Array.prototype", Array.prototype],
  ["Function.prototype", Function.prototype],
  ["String.prototype", String.prototype],
  ["Error.prototype", Error.prototype],
  ["Promise.prototype", Promise.prototype],
];

type Snapshot = Map<string, Map<PropertyKey, PropertyDescriptor>>;

/** Captures the current own properties of the guarded prototypes. */
export function snapshotPrototypes(): Snapshot {
  const snap: Snapshot = new Map();
  for (const [name, proto] of guarded) {
    const props = new Map<PropertyKey, PropertyDescriptor>();
    for (const key of Reflect.ownKeys(proto)) props.set(key, Object.getOwnPropertyDescriptor(proto, key) as PropertyDescriptor);
    snap.set(name, props);
  }
  return snap;
}

/** Lists every difference between `before` and now, as readable strings; empty when nothing changed. */
export function prototypeChanges(before: Snapshot): string[] {
  const after = snapshotPrototypes();
  const changes: string[] = [];
  for (const [name, props] of after) {
    const old = before.get(name) ?? new Map<PropertyKey, PropertyDescriptor>();
    for (const [key, desc] of props) {
      const prev = old.get(key);
      if (!prev) changes.push(`${name}.${String(key)} added`);
      else if (prev.value !== desc.value || prev.get !== desc.get || prev.set !== desc.set) changes.push(`${name}.${String(key)} replaced`);
    }
    for (const key of old.keys()) if (!props.has(key)) changes.push(`${name}.${String(key)} deleted`);
  }
  return changes;
}
