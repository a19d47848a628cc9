/**
 * Stands in for `node:util` in the edge build (tsup alias): the client only needs `inspect.custom`, which is the
 * registered symbol Node, Deno and Bun all look up, so secrets stay hidden wherever a console honours it.
 */
export const inspect = { custom: Symbol.for("nodejs.util.inspect.custom") } as const;
