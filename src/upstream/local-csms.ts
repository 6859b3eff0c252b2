// `role = local`: the proxy itself answers as a minimal CSMS, so a charger can connect with no
// backend at all (the shipped configuration uses it). It accepts the boot, keeps time, accepts
// tags per `[local] accept_tags`, and numbers transactions; it sends no Calls of its own.

import type { Config } from '../config/config.ts';
import { CALL, CALLRESULT, callError, type Payload } from '../ocpp/frame.ts';
import { isSupportedProtocol, type OcppVersion } from '../ocpp/versions.ts';
import { UpstreamLink, type ConnectFailure } from './upstream-link.ts';

export interface LocalState {
  nextTransactionId: number;
}

/** The answer frame (text) of the local CSMS to a charger Call. */
export function localAnswer(version: OcppVersion, id: string, action: string, payload: Payload, config: Config['local'], state: LocalState): string {
  const now = new Date().toISOString();
  const accepts = (tag: unknown) => config.acceptTags.length === 0 || (typeof tag === 'string' && config.acceptTags.includes(tag.toUpperCase()));
  const result = (body: Payload) => JSON.stringify([CALLRESULT, id, body]);
  switch (action) {
    case 'BootNotification':
      return result({ status: 'Accepted', currentTime: now, interval: config.heartbeatInterval });
    case 'Heartbeat':
      return result({ currentTime: now });
    case 'DataTransfer':
      return result({ status: 'UnknownVendorId' });
    case 'StatusNotification':
    case 'MeterValues':
    case 'FirmwareStatusNotification':
      return result({});
  }
  if (version === 'ocpp1.6') {
    const idTagInfo = { status: accepts(payload.idTag) ? 'Accepted' : 'Invalid' };
    switch (action) {
      case 'Authorize':
        return result({ idTagInfo });
      case 'StartTransaction':
        return result({ transactionId: state.nextTransactionId++, idTagInfo });
      case 'StopTransaction':
        return result(payload.idTag === undefined ? {} : { idTagInfo });
      case 'DiagnosticsStatusNotification':
        return result({});
    }
  } else {
    const idTokenInfo = { status: accepts(((payload.idToken ?? {}) as Payload).idToken) ? 'Accepted' : 'Invalid' };
    switch (action) {
      case 'Authorize':
        return result({ idTokenInfo });
      case 'TransactionEvent':
        return result(payload.idToken === undefined ? {} : { idTokenInfo });
      case 'NotifyReport':
      case 'NotifyEvent':
      case 'SecurityEventNotification':
      case 'LogStatusNotification':
        return result({});
    }
  }
  return callError(id, 'NotImplemented', `the built-in local CSMS does not handle ${action}`);
}

/** A link whose far end is the built-in CSMS: same interface as a WebSocket link, no socket. */
export class LocalLink extends UpstreamLink {
  private readonly localConfig: Config['local'];
  private readonly localState: LocalState = { nextTransactionId: 1 };

  constructor(...args: [...ConstructorParameters<typeof UpstreamLink>, Config['local']]) {
    const [upstream, chargerId, options, logger, localConfig] = args;
    super(upstream, chargerId, options, logger);
    this.localConfig = localConfig;
  }

  override connect(protocols: string[]): Promise<ConnectFailure | null> {
    const chosen = protocols.find(isSupportedProtocol);
    if (chosen === undefined) return Promise.resolve({ kind: 'no-subprotocol' });
    this.protocol = chosen;
    this.heardAt = Date.now();
    this.setState('open');
    return Promise.resolve(null);
  }

  override send(data: Buffer | string): void {
    const text = typeof data === 'string' ? data : data.toString();
    let frame: unknown[];
    try {
      frame = JSON.parse(text) as unknown[];
    } catch {
      return;
    }
    // Only Calls need an answer; answers to its own (nonexistent) Calls are ignored.
    if (frame[0] !== CALL || typeof frame[1] !== 'string' || typeof frame[2] !== 'string') return;
    const answer = localAnswer(this.protocol as OcppVersion, frame[1], frame[2], (frame[3] ?? {}) as Payload, this.localConfig, this.localState);
    setImmediate(() => {
      if (this.state === 'open') this.owner?.linkMessage(this, Buffer.from(answer), false);
    });
  }
}
