// One charger's configuration views: the base value of each shared key (the charger's own, or
// `[autoconfig]`'s), what each upstream set, and the effective value the charger holds. Owned by
// the charger's memory, so it outlives a connection; persisted per charger and upstream.

import { effectiveValue, sameValue, type ViewKey } from '../rules/config-views.ts';
import { LazyMap } from '../collections.ts';

/** Where views are kept across restarts (the state store); upstream '' holds the base values. */
export interface ViewsStore {
  configViews(charger: string): Array<{ upstream: string; key: string; value: string }>;
  setConfigView(charger: string, upstream: string, key: string, value: string | null): void;
}

const BASE = '';

/** What an upstream's write of a view key means for the charger. */
export interface ViewWrite {
  /** The effective value to send to the charger, or null when it does not change. */
  send: string | null;
  /** The charger's verdict on `send`: only an accepted write keeps the upstream's view. */
  settle(accepted: boolean): void;
}

const NO_KEYS: ReadonlyMap<string, ViewKey> = new Map();

export class ConfigViews {
  private readonly charger: string;
  /** Upstream names, the primary first, then configuration order. */
  private readonly upstreams: readonly string[];
  private readonly store: ViewsStore | null;
  private keys: ReadonlyMap<string, ViewKey> = NO_KEYS;
  private readonly base = new LazyMap<string, string>();
  private readonly views = new LazyMap<string, Map<string, string>>();
  /** Key id → the value the charger holds as far as the proxy knows (or is being sent). */
  private readonly held = new LazyMap<string, string>();

  constructor(charger: string, upstreams: readonly string[], store: ViewsStore | null) {
    this.charger = charger;
    this.upstreams = upstreams;
    this.store = store;
    for (const row of store?.configViews(charger) ?? []) {
      if (row.upstream === BASE) this.base.set(row.key, row.value);
      else this.viewsOf(row.upstream).set(row.key, row.value);
    }
  }

  /** The view keys of this connection's version (by id). */
  useKeys(keys: ReadonlyMap<string, ViewKey>): void {
    this.keys = keys;
  }

  key(id: string): ViewKey | undefined {
    return this.keys.get(id);
  }

  get keyList(): ReadonlyArray<[string, ViewKey]> {
    return [...this.keys];
  }

  /** What `upstream` sees for a key: its own value, else the base; undefined when neither is known. */
  viewOf(upstream: string, id: string): string | undefined {
    return this.views.get(upstream)?.get(id) ?? this.base.get(id);
  }

  /** Whether `upstream` set a key of its own (else it sees the base). */
  hasOwn(upstream: string, id: string): boolean {
    return this.views.get(upstream)?.has(id) === true;
  }

  /** The value the charger should hold: computed from every upstream's view. */
  effective(id: string): string | undefined {
    const kind = this.keys.get(id)?.kind;
    if (kind === undefined) return undefined;
    const views = this.upstreams.map((name) => this.viewOf(name, id)).filter((v): v is string => v !== undefined);
    return views.length === 0 ? undefined : effectiveValue(kind, views);
  }

  /** The value the charger holds (or is being sent), as far as the proxy knows. */
  chargerValue(id: string): string | undefined {
    return this.held.get(id) ?? this.effective(id);
  }

  /** `upstream` writes a key: the view is taken at once and given back if the charger refuses. */
  write(upstream: string, id: string, value: string): ViewWrite {
    const kind = this.keys.get(id)!.kind;
    const own = this.viewsOf(upstream);
    const before = own.get(id);
    const holds = this.chargerValue(id);
    own.set(id, value);
    const next = this.effective(id)!;
    if (holds !== undefined && sameValue(kind, holds, next)) {
      this.store?.setConfigView(this.charger, upstream, id, value);
      return { send: null, settle: () => undefined };
    }
    this.held.set(id, next);
    return {
      send: next,
      settle: (accepted) => {
        if (accepted) {
          this.store?.setConfigView(this.charger, upstream, id, value);
          return;
        }
        if (before === undefined) own.delete(id);
        else own.set(id, before);
        if (this.held.get(id) === next) this.held.delete(id);
      },
    };
  }

  /**
   * The charger's own values, read at a connection (undefined: not answered). The first answer
   * (or `[autoconfig]`) becomes the base; returns the keys whose effective value the charger lacks.
   */
  chargerRead(values: ReadonlyMap<string, string>, autoconfig: ReadonlyMap<string, string>): Array<[string, string]> {
    const resend: Array<[string, string]> = [];
    for (const [id, key] of this.keys) {
      const read = values.get(id);
      if (!this.base.has(id)) {
        const base = autoconfig.get(id) ?? read;
        if (base !== undefined) {
          this.base.set(id, base);
          this.store?.setConfigView(this.charger, BASE, id, base);
        }
      }
      if (read === undefined) continue;
      const effective = this.effective(id);
      this.held.set(id, read);
      if (effective !== undefined && !sameValue(key.kind, read, effective)) {
        this.held.set(id, effective);
        resend.push([key.name, effective]);
      }
    }
    return resend;
  }

  /** For /api/status: per key, the effective value and each upstream's view. */
  status(): Record<string, { effective: string | null; charger: string | null; views: Record<string, string | null> }> {
    const out: Record<string, { effective: string | null; charger: string | null; views: Record<string, string | null> }> = {};
    for (const [id, key] of this.keys) {
      const views: Record<string, string | null> = {};
      for (const name of this.upstreams) views[name] = this.viewOf(name, id) ?? null;
      out[key.name] = { effective: this.effective(id) ?? null, charger: this.held.get(id) ?? null, views };
    }
    return out;
  }

  private viewsOf(upstream: string): Map<string, string> {
    let own = this.views.get(upstream);
    if (own === undefined) this.views.set(upstream, (own = new Map()));
    return own;
  }
}
