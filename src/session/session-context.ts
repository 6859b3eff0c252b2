// What every charger session shares: configuration, loggers, the message log, the rules and the
// state store. daemon.ts builds it once.

import type { Config, UpstreamConfig } from '../config/config.ts';
import type { ChargerEvents } from '../events/charger-events.ts';
import type { Loggers } from '../log/console-log.ts';
import type { MessageLog } from '../log/message-log.ts';
import type { FixupRule } from '../rules/rule-types.ts';
import type { ControlArbiter } from '../sharing/control.ts';
import type { SplitConfig } from '../stages/transactions.ts';
import type { Store } from '../store/store.ts';
import type { UpstreamTls } from '../upstream/upstream-link.ts';

export interface SessionContext {
  config: Config;
  loggers: Loggers;
  messageLog: MessageLog;
  /** TLS material per wss:// upstream, read at start. */
  upstreamTls: Map<UpstreamConfig, UpstreamTls>;
  /** The `[fixups]` rules in force. */
  fixupRules: FixupRule[];
  /** `[autoconfig] lock`: the keys upstreams may not change (normalised), or null. */
  lockedKeys: ReadonlySet<string> | null;
  /** RFID split: tag owners and the default owner. */
  split: SplitConfig;
  store: Store | null;
  /** Charger events (event API, sharing, Home Assistant). */
  events: ChargerEvents;
  /** Control arbitration between backends, and the homeowner's override. */
  control: ControlArbiter;
  /** How long a new connection's replays wait for the charger's first Call (default FIRST_CALL_WAIT_MS). */
  firstCallWaitMs?: number;
}
