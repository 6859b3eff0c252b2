// Which runtimes can run ocpp-proxy: node:sqlite is unflagged from Node 22.13 on; Deno 2 and the
// single executable (Node 24 inside) have it.

export const MINIMUM_NODE = { major: 22, minor: 13 } as const;

/** Null when this runtime can run ocpp-proxy, else the one line that says what to use instead. */
export function unsupportedRuntime(versions: NodeJS.ProcessVersions = process.versions): string | null {
  if ((versions as { deno?: string }).deno !== undefined) return null;
  const [major = 0, minor = 0] = versions.node.split('.').map(Number);
  if (major > MINIMUM_NODE.major || (major === MINIMUM_NODE.major && minor >= MINIMUM_NODE.minor)) return null;
  return `ocpp-proxy needs Node ≥ ${MINIMUM_NODE.major}.${MINIMUM_NODE.minor} or the binary dist/ocpp-proxy; this is Node ${versions.node}`;
}

/** `--help` and `--version` need nothing from the runtime. */
export function onlyHelpOrVersion(args: readonly string[]): boolean {
  return args.some((arg) => ['--help', '-h', '--version', '-V'].includes(arg));
}
