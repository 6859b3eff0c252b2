// Maps and sets made on first write. A charger session keeps about thirty of them (open
// transactions, pending starts, profiles being sent, replayed ids, …) and most stay empty for the
// session's whole life; an empty Map costs about 180 bytes of heap, one of these about 30 until
// something is put in it (then it keeps its Map). They are Maps and Sets to their users: same
// methods, same iteration.

// What the iterators of an untouched one run over (never written).
const NOTHING = new Map<unknown, unknown>();
const NONE = new Set<unknown>();

export class LazyMap<K, V> implements Map<K, V> {
  private map: Map<K, V> | null = null;

  get size(): number {
    return this.map === null ? 0 : this.map.size;
  }

  get(key: K): V | undefined {
    return this.map === null ? undefined : this.map.get(key);
  }

  has(key: K): boolean {
    return this.map !== null && this.map.has(key);
  }

  set(key: K, value: V): this {
    (this.map ??= new Map()).set(key, value);
    return this;
  }

  delete(key: K): boolean {
    return this.map !== null && this.map.delete(key);
  }

  clear(): void {
    this.map?.clear();
  }

  forEach(callback: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    this.map?.forEach((value, key) => callback.call(thisArg, value, key, this));
  }

  keys(): MapIterator<K> {
    return (this.map ?? (NOTHING as unknown as Map<K, V>)).keys();
  }

  values(): MapIterator<V> {
    return (this.map ?? (NOTHING as unknown as Map<K, V>)).values();
  }

  entries(): MapIterator<[K, V]> {
    return (this.map ?? (NOTHING as unknown as Map<K, V>)).entries();
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  get [Symbol.toStringTag](): string {
    return 'Map';
  }
}

export class LazySet<T> implements Set<T> {
  private set_: Set<T> | null = null;

  get size(): number {
    return this.set_ === null ? 0 : this.set_.size;
  }

  has(value: T): boolean {
    return this.set_ !== null && this.set_.has(value);
  }

  add(value: T): this {
    (this.set_ ??= new Set()).add(value);
    return this;
  }

  delete(value: T): boolean {
    return this.set_ !== null && this.set_.delete(value);
  }

  clear(): void {
    this.set_?.clear();
  }

  forEach(callback: (value: T, value2: T, set: Set<T>) => void, thisArg?: unknown): void {
    this.set_?.forEach((value) => callback.call(thisArg, value, value, this));
  }

  keys(): SetIterator<T> {
    return this.values();
  }

  values(): SetIterator<T> {
    return (this.set_ ?? (NONE as unknown as Set<T>)).values();
  }

  entries(): SetIterator<[T, T]> {
    return (this.set_ ?? (NONE as unknown as Set<T>)).entries();
  }

  [Symbol.iterator](): SetIterator<T> {
    return this.values();
  }

  get [Symbol.toStringTag](): string {
    return 'Set';
  }
}
