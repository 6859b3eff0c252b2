// What the parts of a charger session (the call slot, the charger's frames, the upstreams'
// frames) need from the session that owns the charger socket and the links. Each part owns its
// own state; they reach each other only through these methods.

import type { Loggers } from '../log/console-log.ts';
import type { MessageLogEntry, Tag } from '../log/message-log.ts';
import type { OcppVersion } from '../ocpp/versions.ts';
import type { UpstreamLink } from '../upstream/upstream-link.ts';
import type { ChargerMemory } from './charger-memory.ts';
import type { SessionContext } from './session-context.ts';

/** One message log line of this session: a frame on one hop (the session adds the charger). */
export type Hop = Omit<MessageLogEntry, 'charger' | 'protocol' | 'protocol_source'>;

export interface SessionCore {
  readonly chargerId: string;
  readonly links: readonly UpstreamLink[];
  readonly primary: UpstreamLink;
  readonly memory: ChargerMemory;
  readonly context: SessionContext;
  /** The session's loggers: every line starts with the charger id. */
  readonly log: Loggers;
  readonly protocol: OcppVersion;
  readonly isEnded: boolean;
  /** The charger is attached (its upgrade done) and the session not ended. */
  readonly chargerReady: boolean;
  /** The charger reads what it is sent (its socket is below the high-water mark). */
  readonly chargerWritable: boolean;
  readonly callTimeoutMs: number;
  /** Writes one message log line. */
  record(hop: Hop): void;
  /** Sends to the charger; reading its sources stops when it backs up. */
  sendToCharger(data: Buffer | string): void;
  /**
   * Sends the answer to the charger's Call `action`. With shared state, the answer to a transaction
   * Call leaves once what it changed is committed (an instance that dies before has not answered,
   * so the charger sends it again to the one that takes over); what is sent after it waits behind it.
   */
  answerCharger(action: string, data: Buffer | string): void;
  /** A socket is backed up: stop reading what feeds it until it drains (closed if it never does). */
  holdBack(direction: 'toUpstreams' | 'toCharger'): void;
}

export const NO_TAGS: Tag[] = [];
export const DROPPED: Tag[] = ['dropped'];
export const QUEUED: Tag[] = ['queued'];
export const REPLAYED: Tag[] = ['replayed'];
export const BLOCKED: Tag[] = ['blocked'];
export const FIXED: Tag[] = ['fixed'];
export const TRANSLATED: Tag[] = ['translated'];
export const TRANSLATED_BLOCKED: Tag[] = ['translated', 'blocked'];
export const INJECTED: Tag[] = ['injected'];
export const FILTERED: Tag[] = ['filtered'];

/**
 * A bug met while handling one frame: logged with its stack and the frame, which is dropped. The
 * session and every other charger go on; the frame's Call, if any, times out at its sender.
 */
export function internalError(session: SessionCore, from: string, text: string, error: unknown): void {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  session.log.proxy.error(`internal error on a frame from ${from}, dropped: ${text.slice(0, 200)}: ${detail}`);
}

/** Above this many unsent bytes on a socket, stop reading from whoever feeds it. */
export const HIGH_WATER_MARK = 1024 * 1024;
