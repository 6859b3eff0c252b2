// The three pages, bundled into the build (the monitor runs on a LAN: no CDN, nothing to build
// for the user): the live messages at the prefix's root (`./`), the overview (`status`) and the
// sessions (`sessions`) beside it, the API under `api/`. Every URL in them is relative, so they
// work under any path prefix (Home Assistant ingress, a reverse proxy). Each page has one inline
// script, allowed by its hash in the Content-Security-Policy: no other script runs.

import { createHash } from 'node:crypto';
import { MONITOR_HTML, MONITOR_SCRIPT } from './ui/monitor.ts';
import { OVERVIEW_HTML, OVERVIEW_SCRIPT } from './ui/overview.ts';
import { SESSIONS_HTML, SESSIONS_SCRIPT } from './ui/sessions.ts';

export interface Page {
  html: string;
  csp: string;
}

function page(html: string, script: string): Page {
  const hash = createHash('sha256').update(script, 'utf8').digest('base64');
  // frame-ancestors 'self': Home Assistant shows ingress pages in a frame of its own origin; no other site may.
  const csp = `default-src 'self'; script-src 'sha256-${hash}'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'`;
  return { html, csp };
}

export const PAGES = {
  monitor: page(MONITOR_HTML, MONITOR_SCRIPT),
  overview: page(OVERVIEW_HTML, OVERVIEW_SCRIPT),
  sessions: page(SESSIONS_HTML, SESSIONS_SCRIPT),
} as const;
