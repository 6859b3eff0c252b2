// Wiring of the sharing rules to charger events: sessions hold control, faults revoke it, and
// Home Assistant hears about faults and finished sessions. Plus the persisted homeowner override.

import type { Logger } from '../log/console-log.ts';
import type { ChargerEvents } from '../events/charger-events.ts';
import type { Store } from '../store/store.ts';
import type { ControlArbiter, Override } from './control.ts';
import type { HomeAssistantBridge } from './home-assistant.ts';

const OVERRIDE_KEY = 'override';

export function wireSharing(events: ChargerEvents, control: ControlArbiter, home: HomeAssistantBridge | null, logger: Logger): void {
  events.subscribe((event) => {
    switch (event.event) {
      case 'transaction_started':
        control.sessionStarted(event.charger, typeof event.owner === 'string' ? event.owner : null);
        return;
      case 'transaction_stopped': {
        control.sessionEnded(event.charger);
        const energy = typeof event.energy_kwh === 'number' ? `${event.energy_kwh} kWh` : 'energy unknown';
        home?.notify(`Charging session ended on ${event.charger}`, `${energy}, owner ${String(event.owner)}${typeof event.revenue === 'number' ? `, revenue ${event.revenue}` : ''}`);
        return;
      }
      case 'status':
        if (event.status === 'Faulted') {
          logger.warn(`${event.charger}: connector ${String(event.connector)} Faulted; backend control revoked`);
          home?.notify(`Charger ${event.charger} faulted`, `Connector ${String(event.connector)} reports ${String(event.errorCode ?? 'a fault')}.`);
        }
        return;
      case 'control_changed':
        logger.info(`${event.charger}: control is now with ${String(event.holder ?? 'nobody')}`);
        return;
    }
  });
}

export function loadOverride(store: Store | null): Override | null {
  const text = store?.getSetting(OVERRIDE_KEY) ?? null;
  if (text === null) return null;
  try {
    return JSON.parse(text) as Override;
  } catch {
    return null;
  }
}

export function saveOverride(store: Store | null, override: Override | null): void {
  store?.setSetting(OVERRIDE_KEY, override === null ? null : JSON.stringify(override));
}
