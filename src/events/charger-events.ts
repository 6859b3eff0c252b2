// Charger events for whoever listens (the event API, the sharing rules, Home Assistant): boot,
// status, meter, transaction_started, transaction_stopped, control_changed. Emitted only for the
// few actions that carry them; listeners must not throw or block.

export interface ChargerEvent {
  event: 'boot' | 'status' | 'meter' | 'transaction_started' | 'transaction_stopped' | 'control_changed';
  charger: string;
  at: string;
  [detail: string]: unknown;
}

export type ChargerEventListener = (event: ChargerEvent) => void;

export class ChargerEvents {
  private readonly listeners = new Set<ChargerEventListener>();

  subscribe(listener: ChargerEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: ChargerEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
