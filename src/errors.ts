// The proxy's own errors, each with a stable code that callers branch on (the web API turns them
// into HTTP statuses; `run` into exit codes), and the OCPP-J CallError codes by version.

export type ProxyErrorCode =
  /** The charger named is not connected to this proxy. */
  | 'ERR_NOT_CONNECTED'
  /** The charger did not answer a Call in time. */
  | 'ERR_CALL_TIMEOUT'
  /** Too many commands wait for the charger already. */
  | 'ERR_BUSY'
  /** The state database cannot be opened or used. */
  | 'ERR_STORE'
  /** The listener cannot bind its address and port. */
  | 'ERR_LISTEN'
  /** The message log cannot be opened. */
  | 'ERR_LOG_FILE'
  /** A TLS certificate or key file cannot be read. */
  | 'ERR_TLS_FILE';

export class ProxyError extends Error {
  readonly code: ProxyErrorCode;

  constructor(code: ProxyErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** The HTTP status an API answers a ProxyError with. */
export const HTTP_STATUS: Readonly<Record<ProxyErrorCode, number>> = {
  ERR_NOT_CONNECTED: 404,
  ERR_CALL_TIMEOUT: 504,
  ERR_BUSY: 429,
  ERR_STORE: 503,
  ERR_LISTEN: 500,
  ERR_LOG_FILE: 500,
  ERR_TLS_FILE: 500,
};

/** The HTTP status for any error a command can end in (500 for one that is not the proxy's own). */
export function httpStatusOf(error: unknown): number {
  return error instanceof ProxyError ? HTTP_STATUS[error.code] : 500;
}

/** OCPP-J 1.6 CallError codes (§4.2.3). */
export type Ocpp16ErrorCode =
  | 'NotImplemented'
  | 'NotSupported'
  | 'InternalError'
  | 'ProtocolError'
  | 'SecurityError'
  | 'FormationViolation'
  | 'PropertyConstraintViolation'
  | 'OccurenceConstraintViolation'
  | 'TypeConstraintViolation'
  | 'GenericError';

/** OCPP-J 2.0.1/2.1 CallError codes (§4.3). */
export type Ocpp2ErrorCode =
  | 'FormatViolation'
  | 'GenericError'
  | 'InternalError'
  | 'MessageTypeNotSupported'
  | 'NotImplemented'
  | 'NotSupported'
  | 'OccurrenceConstraintViolation'
  | 'PropertyConstraintViolation'
  | 'ProtocolError'
  | 'RpcFrameworkError'
  | 'SecurityError'
  | 'TypeConstraintViolation';

export type OcppErrorCode = Ocpp16ErrorCode | Ocpp2ErrorCode;
