// Which upstream links speak another OCPP version than the charger (`[upstream.NAME] protocol`,
// `[ext-server] secondary_protocol`), and their translation (translate/link-translation.ts).

import type { Logger } from '../log/console-log.ts';
import type { Store } from '../store/store.ts';
import type { OcppVersion } from '../ocpp/versions.ts';
import { LinkTranslation } from '../translate/link-translation.ts';
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
