// Connections the listener refused, for people ("my charger cannot connect"): the latest ones,
// and per charger id the last refusal and how many attempts there were. Bounded: ids are chosen
// by whoever connects.

export type RefusalKind = 'bad-request' | 'unknown-id' | 'credentials' | 'busy' | 'primary-refused' | 'primary-unreachable' | 'subprotocol';

export interface ConnectionRefusal {
  at: string;
  /** Null when the request named no usable charger id. */
  charger: string | null;
  address: string;
  /** The HTTP status answered, or 101 when the upgrade completed and was then closed (no subprotocol). */
  status: number;
  kind: RefusalKind;
  reason: string;
  /** What to try, in a sentence. */
  fix: string;
}

export interface ChargerRefusals {
  last: ConnectionRefusal;
  refused: number;
}

const FIXES: Record<RefusalKind, string> = {
  'bad-request': 'the request is not a valid WebSocket upgrade: check the URL scheme (ws:// or wss://) and the port in the charger',
  'unknown-id': 'the charger id (the last part of the URL path) is not listed in [chargers]: check the id in the charger, or add it',
  credentials: 'the charger\'s password does not match its [chargers] entry, or its user name is not its charger id: set both again',
  busy: 'too many logins at once from this address: the charger can retry in a few seconds',
  'primary-refused': 'the primary backend refused this charger: check the charger id and password the backend expects',
  'primary-unreachable': 'the primary backend cannot be reached: check [ext-server] server and the network to it',
  subprotocol: 'the charger offered no OCPP version the backend speaks: set OCPP 1.6 or 2.0.1 in the charger, or [host] version_detection = lenient',
};

const RECENT = 200;
const MAX_CHARGERS = 10_000;

export class ConnectionRefusals {
  private readonly latest: ConnectionRefusal[] = [];
  private readonly byCharger = new Map<string, ChargerRefusals>();
  private readonly listeners = new Set<(refusal: ConnectionRefusal) => void>();

  record(charger: string | null, address: string, status: number, kind: RefusalKind, reason: string, now = new Date()): ConnectionRefusal {
    const refusal: ConnectionRefusal = { at: now.toISOString(), charger, address, status, kind, reason, fix: FIXES[kind] };
    this.latest.push(refusal);
    if (this.latest.length > RECENT) this.latest.shift();
    if (charger !== null) {
      const known = this.byCharger.get(charger);
      this.byCharger.delete(charger); // most recent last: the first ones are the ones to forget
      this.byCharger.set(charger, { last: refusal, refused: (known?.refused ?? 0) + 1 });
      if (this.byCharger.size > MAX_CHARGERS) this.byCharger.delete(this.byCharger.keys().next().value!);
    }
    for (const listener of this.listeners) listener(refusal);
    return refusal;
  }

  /** The latest refusals, oldest first. */
  recent(): readonly ConnectionRefusal[] {
    return this.latest;
  }

  forCharger(charger: string): ChargerRefusals | undefined {
    return this.byCharger.get(charger);
  }

  chargers(): IterableIterator<[string, ChargerRefusals]> {
    return this.byCharger.entries();
  }

  subscribe(listener: (refusal: ConnectionRefusal) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
