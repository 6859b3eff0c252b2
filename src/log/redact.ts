// Secrets in CALL payloads (charger passwords, 1.6 AuthorizationKey) are masked before a frame is logged.
// Only the log copy changes: the caller forwards the original bytes.

type Payload = Record<string, unknown>;

/** Called for each property holding a secret; `holder[key]` is the secret. */
type SecretVisitor = (holder: Payload, key: string) => void;

/** Walks one action's payload and reports where its secrets are, without touching them itself. */
type SecretFinder = (payload: Payload, visit: SecretVisitor) => void;

const MASK = '***';

function isObject(value: unknown): value is Payload {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function namedIgnoringCase(value: unknown, name: string): boolean {
  return typeof value === 'string' && value.toLowerCase() === name;
}

/** OCPP 1.6 ChangeConfiguration of the AuthorizationKey (security profiles 1 and 2). */
function authorizationKeyValue(payload: Payload, visit: SecretVisitor): void {
  if (namedIgnoringCase(payload.key, 'authorizationkey') && Object.hasOwn(payload, 'value')) visit(payload, 'value');
}

/** OCPP 2.x SetVariables: SecurityCtrlr.BasicAuthPassword may sit anywhere in the list. */
function basicAuthPasswordValues(payload: Payload, visit: SecretVisitor): void {
  const data = payload.setVariableData;
  if (!Array.isArray(data)) return;
  for (const entry of data) {
    if (!isObject(entry) || !isObject(entry.variable)) continue;
    if (namedIgnoringCase(entry.variable.name, 'basicauthpassword') && Object.hasOwn(entry, 'attributeValue')) visit(entry, 'attributeValue');
  }
}

function isSecretName(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.includes('password') || lower === 'authorizationkey';
}

/**
 * OCPP 2.x SetNetworkProfile: connectionData.basicAuthPassword, plus any password-like property
 * anywhere (vendor extensions, VPN/APN credentials). Iterative so a deeply nested payload that
 * JSON.parse accepted cannot overflow the stack.
 */
function networkProfileSecrets(payload: Payload, visit: SecretVisitor): void {
  const pending: unknown[] = [payload];
  while (pending.length > 0) {
    const node = pending.pop();
    if (Array.isArray(node)) {
      pending.push(...node);
    } else if (isObject(node)) {
      for (const [key, value] of Object.entries(node)) {
        // The whole value is masked, so there is nothing below it to look at.
        if (isSecretName(key)) visit(node, key);
        else if (typeof value === 'object' && value !== null) pending.push(value);
      }
    }
  }
}

// A Map, not an object literal: an action named 'constructor' must not find anything.
const FINDERS = new Map<string, SecretFinder>([
  ['ChangeConfiguration', authorizationKeyValue],
  ['SetVariables', basicAuthPasswordValues],
  ['SetNetworkProfile', networkProfileSecrets],
]);

/**
 * The text to log for a CALL frame: `text` itself (the same string) when it carries no secret,
 * otherwise the frame re-serialised with every secret replaced by "***". `payload` is the parsed
 * payload of `text`; it is read, never modified.
 */
export function redactSecrets(action: string, payload: Record<string, unknown>, text: string): string {
  const find = FINDERS.get(action);
  if (find === undefined) return text; // the hot path: every other CALL
  let secrets = 0;
  find(payload, () => {
    secrets++;
  });
  if (secrets === 0) return text;
  return maskedFrame(action, text, find);
}

/** 1.6 GetConfiguration answer: a charger that reports its AuthorizationKey value (it should not). */
function reportedAuthorizationKey(payload: Payload, visit: SecretVisitor): void {
  const keys = payload.configurationKey;
  if (!Array.isArray(keys)) return;
  for (const entry of keys) {
    if (isObject(entry) && namedIgnoringCase(entry.key, 'authorizationkey') && Object.hasOwn(entry, 'value')) visit(entry, 'value');
  }
}

/** 2.x GetVariables answer: a BasicAuthPassword value reported back. */
function reportedBasicAuthPassword(payload: Payload, visit: SecretVisitor): void {
  const results = payload.getVariableResult;
  if (!Array.isArray(results)) return;
  for (const entry of results) {
    if (isObject(entry) && isObject(entry.variable) && namedIgnoringCase(entry.variable.name, 'basicauthpassword') && Object.hasOwn(entry, 'attributeValue')) {
      visit(entry, 'attributeValue');
    }
  }
}

const ANSWER_FINDERS = new Map<string, SecretFinder>([
  ['GetConfiguration', reportedAuthorizationKey],
  ['GetVariables', reportedBasicAuthPassword],
]);

/**
 * The text to log for the charger's CALLRESULT to a Call of `action`: `text` itself when it
 * carries no secret, otherwise a copy with the secrets replaced by "***".
 */
export function redactAnswerSecrets(action: string, payload: Record<string, unknown> | null, text: string): string {
  const find = ANSWER_FINDERS.get(action);
  if (find === undefined || payload === null) return text; // the hot path: every other answer
  let secrets = 0;
  find(payload, () => {
    secrets++;
  });
  if (secrets === 0) return text;
  let frame: unknown;
  try {
    frame = JSON.parse(text);
  } catch {
    return JSON.stringify([3, '<id unknown>', { redacted: true }]);
  }
  if (!Array.isArray(frame) || frame.length !== 3 || !isObject(frame[2])) return JSON.stringify([3, '<id unknown>', { redacted: true }]);
  find(frame[2], (holder, key) => {
    holder[key] = MASK;
  });
  return JSON.stringify(frame);
}

/** Parsing `text` again gives a private deep copy to mask in place. */
function maskedFrame(action: string, text: string, find: SecretFinder): string {
  let frame: unknown;
  try {
    frame = JSON.parse(text);
  } catch {
    return placeholder(action, undefined);
  }
  if (!Array.isArray(frame) || frame.length !== 4 || !isObject(frame[3])) return placeholder(action, frame);
  find(frame[3], (holder, key) => {
    holder[key] = MASK;
  });
  try {
    return JSON.stringify(frame);
  } catch {
    // RangeError on nesting too deep to serialise; the original text must not leak instead.
    return placeholder(action, frame);
  }
}

/** Logged when the frame cannot be rebuilt: never the original text, which holds the secret. */
function placeholder(action: string, frame: unknown): string {
  const id = Array.isArray(frame) && typeof frame[1] === 'string' ? frame[1] : '<id unknown>';
  return JSON.stringify([2, id, action, { redacted: true }]);
}

/** A URL for logs and the API: `ws://user:pass@host/…` becomes `ws://***@host/…`. */
export function withoutUserinfo(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1***@');
}
