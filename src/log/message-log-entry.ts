// What the message log holds for one frame on one hop, whichever its format (CONTRACT.md).

export type FrameType = 'CALL' | 'CALLRESULT' | 'CALLERROR' | 'CALLRESULTERROR' | 'SEND' | 'INVALID';
export type Tag = 'fixed' | 'blocked' | 'injected' | 'dropped' | 'queued' | 'replayed' | 'filtered' | 'translated';

export interface MessageLogEntry {
  ts: string;
  charger: string;
  /** `charger`, `proxy`, or an upstream name. */
  from: string;
  to: string;
  type: FrameType;
  id: string | null;
  action: string | null;
  tags: Tag[];
  /** The frame exactly as it went on the wire to `to` (as received for INVALID), secrets redacted. */
  raw: string;
  /** On a connection's first line: the OCPP version and how it was found. */
  protocol?: string;
  protocol_source?: string;
}

/** `[messages] format`: JSON Lines for tools, or text for `tail -f`. */
export type MessageLogFormat = 'jsonl' | 'text';
