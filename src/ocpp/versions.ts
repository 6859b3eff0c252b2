// What differs between OCPP-J versions, in one table per concern.

import type { OcppErrorCode } from '../errors.ts';

export type OcppVersion = 'ocpp1.6' | 'ocpp2.0.1' | 'ocpp2.1';

/** How a connection's OCPP version was found: negotiated, or detected for a charger that offered none. */
export type VersionSource = 'subprotocol' | 'header' | 'query' | 'path' | 'default';

/** The subprotocols the proxy speaks, in its own order of preference. */
export const SUPPORTED_PROTOCOLS: readonly OcppVersion[] = ['ocpp2.1', 'ocpp2.0.1', 'ocpp1.6'];

export function isSupportedProtocol(name: string): name is OcppVersion {
  return name === 'ocpp1.6' || name === 'ocpp2.0.1' || name === 'ocpp2.1';
}

/** What is wrong with a frame, in the proxy's terms; each version names it with its own error code. */
export type FrameProblemKind = 'not-json' | 'not-array' | 'bad-envelope' | 'bad-payload';

interface VersionRules {
  /** Message type ids valid on a connection of this version. */
  messageTypes: ReadonlySet<number>;
  /** What to do with an unknown message type: ignore it (1.6 §4.1.3, 2.1 §4.4) or answer it (2.0.1 §4.4). */
  unknownMessageType: 'ignore' | 'MessageTypeNotSupported';
  /** CallError code for each framing problem. */
  errorCodes: Record<FrameProblemKind, OcppErrorCode>;
}

const RULES: Record<OcppVersion, VersionRules> = {
  'ocpp1.6': {
    messageTypes: new Set([2, 3, 4]),
    unknownMessageType: 'ignore',
    errorCodes: {
      'not-json': 'FormationViolation',
      'not-array': 'FormationViolation',
      'bad-envelope': 'ProtocolError',
      'bad-payload': 'FormationViolation',
    },
  },
  'ocpp2.0.1': {
    messageTypes: new Set([2, 3, 4]),
    unknownMessageType: 'MessageTypeNotSupported',
    errorCodes: {
      'not-json': 'RpcFrameworkError',
      'not-array': 'RpcFrameworkError',
      'bad-envelope': 'RpcFrameworkError',
      'bad-payload': 'FormatViolation',
    },
  },
  'ocpp2.1': {
    messageTypes: new Set([2, 3, 4, 5, 6]),
    unknownMessageType: 'ignore',
    errorCodes: {
      'not-json': 'RpcFrameworkError',
      'not-array': 'RpcFrameworkError',
      'bad-envelope': 'RpcFrameworkError',
      'bad-payload': 'FormatViolation',
    },
  },
};

export function versionRules(version: OcppVersion): VersionRules {
  return RULES[version];
}
