// Which upstream links speak another OCPP version than the charger (`[upstream.NAME] protocol`,
// `[ext-server] secondary_protocol`), and their translation (translate/link-translation.ts).

import type { Logger } from '../log/console-log.ts';
import type { MessageLogEntry, Tag } from '../log/message-log-entry.ts';
import type { Store } from '../store/store.ts';
import type { OcppVersion } from '../ocpp/versions.ts';
import { LinkTranslation, type WireFrame } from '../translate/link-translation.ts';
import type { UpstreamLink } from '../upstream/upstream-link.ts';

/**
 * The subprotocol to offer `link` for a charger speaking `charger`; a link to a 1.6 upstream of
 * a 2.0.1/2.1 charger gets its translation. Null: that pair is not translated (the link stays closed).
 */
export function offerFor(link: UpstreamLink, charger: OcppVersion, chargerId: string, store: Store | null, log: Logger): OcppVersion | null {
  const wanted = link.config.protocol;
  if (wanted === null || wanted === charger) return charger;
  if (wanted === 'ocpp1.6') {
    // Its transactions and their 1.6 ids outlive this connection and a restart: kept in the state store.
    const key = `translation ${chargerId} ${link.name}`;
    link.translation = new LinkTranslation(store?.getSetting(key) ?? null, (snapshot) => {
      try {
        store?.setSetting(key, snapshot);
      } catch (error) {
        log.error(`${chargerId}: state database: ${(error as Error).message}`);
      }
    });
    log.info(`${link.name} speaks ocpp1.6: the charger's ${charger} frames are translated for it`);
    return wanted;
  }
  log.error(`${link.name}: translating ${charger} to ${wanted} is not supported (only 2.0.1/2.1 chargers to 1.6 upstreams); not connected`);
  return null;
}

/**
 * The primary's offer for a charger that offered `offered`: with `primary_protocol = ocpp1.6` and
 * a 2.0.1/2.1 charger, only 1.6 (translated; `charger` is then the charger's version to accept).
 */
export function primaryOffer(link: UpstreamLink, offered: string[], chargerId: string, store: Store | null, log: Logger): { offer: string[]; charger: OcppVersion | null } {
  const version = link.config.protocol === 'ocpp1.6' ? (offered.find((p) => p === 'ocpp2.1' || p === 'ocpp2.0.1') as OcppVersion | undefined) : undefined;
  if (version === undefined) return { offer: offered, charger: null };
  offerFor(link, version, chargerId, store, log);
  return { offer: ['ocpp1.6'], charger: version };
}

const TRANSLATED: Tag[] = ['translated'];
const TRANSLATED_BLOCKED: Tag[] = ['translated', 'blocked'];

/** A hop to a translating link is logged as the frame the proxy had (to `proxy`); null: `to` is no such link. */
export function proxySideOf(links: readonly UpstreamLink[], to: string, tags: Tag[]): { to: string; tags: Tag[] } | null {
  const link = links.find((l) => l.name === to && l.translation !== null);
  return link === undefined ? null : { to: 'proxy', tags: [...tags, link.lastTranslation] };
}

/** A translating link's frame as it went on the wire, for the message log. */
export function wireEntry(chargerId: string, link: UpstreamLink, direction: 'in' | 'out', frame: WireFrame): MessageLogEntry {
  const [from, to] = direction === 'out' ? [frame.blocked === true ? 'proxy' : 'charger', link.name] : [link.name, 'proxy'];
  return { ts: new Date().toISOString(), charger: chargerId, from, to, type: frame.type, id: frame.id, action: frame.action, tags: frame.blocked === true ? TRANSLATED_BLOCKED : TRANSLATED, raw: frame.text };
}
