// Reading the INI file and the command line into typed values, collecting every problem as
// `FILE: [section] key: message` instead of stopping at the first.

import { parseStoredHash } from '../auth/charger-auth.ts';
import { DEFAULTS, type Config, type LogLevel } from './config.ts';
import { didYouMean } from './suggest.ts';
import { wireTable } from '../ocpp/wire-table.ts';
import { BACKEND_KEYS, UPSTREAM_KEYS, ValueError, coerce, type Coerce, type IniValue } from './ini-schema.ts';

export interface ConfigProblem {
  /** The INI file, or `command line`. */
  file: string;
  section: string | null;
  key: string | null;
  message: string;
}

export const CLI = 'command line';

export function formatProblem(p: ConfigProblem): string {
  if (p.file === CLI) return p.key === null ? `${CLI}: ${p.message}` : `${CLI}: ${p.key}: ${p.message}`;
  const where = [p.section === null ? '' : `[${p.section}]`, p.key ?? ''].filter((s) => s !== '').join(' ');
  return where === '' ? `${p.file}: ${p.message}` : `${p.file}: ${where}: ${p.message}`;
}

export interface Section {
  [key: string]: IniValue | Section;
}

export class IniReader {
  readonly file: string;
  private readonly sections: Section;
  private readonly problems: ConfigProblem[];

  constructor(file: string, sections: Section, problems: ConfigProblem[]) {
    this.file = file;
    this.sections = sections;
    this.problems = problems;
  }

  private section(name: string): Section | undefined {
    const section = this.sections[name];
    return typeof section === 'object' ? section : undefined;
  }

  /** A key's typed value, undefined when absent or invalid (then a problem is recorded). */
  get<T>(sectionName: string, key: string, convert: Coerce<T>, section = this.section(sectionName)): T | undefined {
    const value = section?.[key];
    if (value === undefined) return undefined;
    if (typeof value === 'object') {
      this.problems.push({ file: this.file, section: sectionName, key, message: 'is not a plain value' });
      return undefined;
    }
    try {
      return convert(value);
    } catch (error) {
      if (!(error instanceof ValueError)) throw error;
      this.problems.push({ file: this.file, section: sectionName, key, message: error.message });
      return undefined;
    }
  }

  checkKeys(sectionName: string, table: Record<string, unknown>, section = this.section(sectionName), shownName = sectionName): void {
    if (section === undefined) {
      if (this.sections[sectionName] !== undefined) {
        this.problems.push({ file: this.file, section: null, key: sectionName, message: 'is a key outside any section' });
      }
      return;
    }
    for (const key of Object.keys(section)) {
      if (table[key] === undefined) this.problems.push({ file: this.file, section: shownName, key, message: `unknown key${didYouMean(key, Object.keys(table))}` });
    }
  }

  /** `[upstream.NAME]` sections; `ini` nests dotted section names, so flatten them back. */
  upstreamSections(): Array<[string, Section]> {
    const found: Array<[string, Section]> = [];
    const walk = (prefix: string, node: Section) => {
      const values = Object.entries(node).filter(([, v]) => typeof v !== 'object');
      if (values.length > 0 || Object.keys(node).length === 0) {
        found.push([prefix, node]);
        this.checkKeys(`upstream.${prefix}`, UPSTREAM_KEYS, node);
      }
      for (const [key, child] of Object.entries(node)) {
        if (typeof child === 'object') walk(prefix === '' ? key : `${prefix}.${key}`, child);
      }
    };
    const root = this.section('upstream');
    if (root !== undefined) {
      if (Object.values(root).some((v) => typeof v !== 'object')) {
        this.problems.push({ file: this.file, section: 'upstream', key: null, message: 'must be named: [upstream.NAME]' });
      }
      for (const [key, child] of Object.entries(root)) if (typeof child === 'object') walk(key, child);
    }
    return found;
  }

  logLevels(): Config['logLevels'] {
    const levels = { ...DEFAULTS.logLevels };
    const names: Readonly<Record<string, keyof Config['logLevels']>> = wireTable({
      proxy: 'proxy',
      'websockets.client': 'client',
      'websockets.server': 'server',
    });
    const section = this.section('logging');
    for (const key of Object.keys(section ?? {})) {
      const level: LogLevel | undefined = this.get('logging', key, coerce.level);
      const target = names[key];
      if (level !== undefined && target !== undefined) levels[target] = level;
    }
    return levels;
  }

  /** `[backend.NAME]` sections of the event API. */
  backends(): Config['backends'] {
    const root = this.section('backend');
    const backends: Config['backends'] = [];
    for (const [name, node] of Object.entries(root ?? {})) {
      if (typeof node !== 'object') {
        this.problems.push({ file: this.file, section: 'backend', key: null, message: 'must be named: [backend.NAME]' });
        continue;
      }
      const where = `backend.${name}`;
      this.checkKeys(where, BACKEND_KEYS, node);
      const token = this.get(where, 'token', coerce.nonEmpty, node);
      if (token === undefined) {
        if (node.token === undefined) this.problems.push({ file: this.file, section: where, key: 'token', message: 'missing (each backend needs its own token)' });
        continue;
      }
      backends.push({ name, token, pricePerKwh: this.get(where, 'price_per_kwh', coerce.price, node) ?? null });
    }
    return backends;
  }

  /** `[chargers] ID = scrypt$…`: the charger ids allowed to connect and their password hashes. */
  chargerHashes(): Map<string, string> {
    const hashes = new Map<string, string>();
    for (const id of Object.keys(this.section('chargers') ?? {})) {
      const hash = this.get('chargers', id, coerce.string);
      if (hash === undefined) continue;
      if (parseStoredHash(hash) === null) {
        this.problems.push({ file: this.file, section: 'chargers', key: id, message: 'is not a hash from `ocpp-proxy hash-password`' });
        continue;
      }
      hashes.set(id, hash);
    }
    return hashes;
  }

  autoconfig(): Array<[string, string]> {
    const section = this.section('autoconfig') ?? {};
    const pairs: Array<[string, string]> = [];
    for (const key of Object.keys(section)) {
      if (key === 'lock') continue; // the proxy's own switch, not a charger key
      const value = this.get('autoconfig', key, coerce.string);
      if (value !== undefined) pairs.push([key, value]);
    }
    return pairs;
  }
}

export class CliReader {
  private readonly problems: ConfigProblem[];

  constructor(problems: ConfigProblem[]) {
    this.problems = problems;
  }

  value<T>(flag: string, value: string | undefined, convert: Coerce<T>): T | undefined {
    if (value === undefined) return undefined;
    try {
      return convert(String(value));
    } catch (error) {
      if (!(error instanceof ValueError)) throw error;
      this.problems.push({ file: CLI, section: null, key: flag, message: error.message });
      return undefined;
    }
  }
}
