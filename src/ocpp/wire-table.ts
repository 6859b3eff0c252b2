// Tables looked up by names that come off the wire (actions, configuration keys, error codes,
// units). A plain object literal answers "constructor" or "toString" with what it inherits, so a
// frame whose action is "constructor" would find a function where a path was expected. These
// tables have no prototype: a name that is not in them finds nothing.

export function wireTable<T>(entries: Readonly<Record<string, T>>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}
