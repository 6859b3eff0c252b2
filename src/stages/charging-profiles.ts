// Stage: `[charging] merge`, upstream → charger. An upstream's charging profiles are kept under
// its own ids; the charger gets one profile per connector and purpose under the proxy's id, at
// the lowest limit of all upstreams (sharing/charging-profiles.ts). An upstream clears and reads
// only its own profiles.

import type { Payload } from '../ocpp/frame.ts';
import type { OcppVersion } from '../ocpp/versions.ts';
import { invalidProfile, profileFrom16, profileFrom201 } from '../rules/charging-merge.ts';
import type { ChargingProfiles, ClearCriteria, ProfileSend, StoredProfile } from '../sharing/charging-profiles.ts';
import { PURPOSES } from '../sharing/profile-ids.ts';
import { FORWARD, type Stage, type StageDecision, type StageFrame } from './stage.ts';

const isObject = (value: unknown): value is Payload => typeof value === 'object' && value !== null && !Array.isArray(value);
const int = (value: unknown): number | undefined => (typeof value === 'number' && Number.isInteger(value) ? value : undefined);

export class ChargingProfilesStage implements Stage {
  readonly name = 'charging-profiles';
  private readonly profiles: ChargingProfiles;
  private readonly upstream: string;
  private readonly is16: boolean;
  /** Connectors the charger reported (StatusNotification); empty: not known yet, any goes. */
  private readonly connectors: () => ReadonlySet<number>;
  private readonly now: () => number;

  constructor(profiles: ChargingProfiles, upstream: string, protocol: OcppVersion, connectors: () => ReadonlySet<number>, now: () => number = Date.now) {
    this.profiles = profiles;
    this.upstream = upstream;
    this.is16 = protocol === 'ocpp1.6';
    this.connectors = connectors;
    this.now = now;
  }

  fromUpstream(frame: StageFrame): StageDecision {
    if (frame.type !== 'CALL') return FORWARD;
    switch (frame.action) {
      case 'SetChargingProfile':
        return this.set(frame);
      case 'ClearChargingProfile':
        return this.clear(frame);
      case 'GetChargingProfiles':
        return this.is16 ? FORWARD : this.get(frame);
      case 'RemoteStartTransaction':
        return this.is16 ? this.remoteStart(frame) : FORWARD;
      default:
        return FORWARD;
    }
  }

  /** The profile as it stands in the frame (an earlier stage may have translated its transactionId). */
  private current(frame: StageFrame): Payload {
    return (JSON.parse(frame.text) as [number, string, string, Payload])[3];
  }

  private set(frame: StageFrame): StageDecision {
    const payload = this.current(frame);
    const raw = this.is16 ? payload.csChargingProfiles : payload.chargingProfile;
    const connector = int(this.is16 ? payload.connectorId : payload.evseId);
    if (!isObject(raw) || connector === undefined) return FORWARD; // not a profile the proxy can keep: the charger decides
    const input = this.is16 ? profileFrom16(raw, this.now()) : profileFrom201(raw, this.now());
    const invalid = invalidProfile(input);
    if (invalid !== null) {
      return { kind: 'error', code: 'PropertyConstraintViolation', description: `charging profile refused: ${invalid}`, note: `${this.upstream}'s SetChargingProfile refused: ${invalid}` };
    }
    const id = int(this.is16 ? raw.chargingProfileId : raw.id);
    const purpose = raw.chargingProfilePurpose;
    if (id === undefined || typeof purpose !== 'string' || !PURPOSES.includes(purpose)) {
      return { kind: 'error', code: 'PropertyConstraintViolation', description: 'charging profile refused: its id must be an integer and its purpose known', note: `${this.upstream}'s SetChargingProfile refused: no integer id or an unknown purpose` };
    }
    const known = this.connectors();
    if (connector !== 0 && known.size > 0 && !known.has(connector)) {
      return { kind: 'answer', payload: { status: 'Rejected' }, note: `${this.upstream}'s SetChargingProfile is for connector ${connector}, which this charger does not have: Rejected` };
    }
    if (purpose === 'TxProfile' && !this.profiles.hasTransaction(connector)) {
      return { kind: 'answer', payload: { status: 'Rejected' }, note: `${this.upstream}'s TxProfile for connector ${connector}: no transaction runs there, Rejected` };
    }
    const profile: StoredProfile = { upstream: this.upstream, connector, purpose, id, raw, input };
    // Decided when its turn at the charger comes: Calls queued behind it may have changed the merge meanwhile.
    const later = this.profiles.setLater(profile);
    let send: ProfileSend | null | undefined;
    return {
      kind: 'replace',
      text: frame.text,
      note: `${this.upstream}'s charging profile ${id} (connector ${connector}, ${profile.purpose}) joins the merge`,
      atSend: () => {
        send = later.decide();
        if (send === null) return { answer: { status: 'Accepted' }, note: `${this.upstream}'s charging profile ${id} kept; the charger's limit does not change` };
        return { text: JSON.stringify([2, frame.id, send.action, send.payload]) };
      },
      rewriteAnswer: (answer) => (send?.action === 'ClearChargingProfile' ? answer.replace(/"status"\s*:\s*"[A-Za-z]+"/, '"status":"Accepted"') : answer),
      onChargerAnswer: (answer) => {
        if (send === undefined) later.abandon(); // never sent: the upstream or the charger went away first
        else if (send !== null) send.settle(answer?.status === 'Accepted' || (send.action === 'ClearChargingProfile' && answer?.status === 'Unknown'));
      },
    };
  }

  private clear(frame: StageFrame): StageDecision {
    const payload = this.current(frame);
    const criteria: ClearCriteria = {};
    const given = this.is16 ? payload.id : payload.chargingProfileId;
    const id = int(given);
    if (given !== undefined && id === undefined) {
      return { kind: 'error', code: 'TypeConstraintViolation', description: 'the charging profile id must be an integer', note: `${this.upstream}'s ClearChargingProfile refused: its id is not an integer` };
    }
    if (id !== undefined) criteria.id = id;
    const filter = this.is16 ? payload : isObject(payload.chargingProfileCriteria) ? payload.chargingProfileCriteria : {};
    const connector = int(this.is16 ? filter.connectorId : filter.evseId);
    if (connector !== undefined) criteria.connector = connector;
    if (typeof filter.chargingProfilePurpose === 'string') criteria.purpose = filter.chargingProfilePurpose;
    const stackLevel = int(filter.stackLevel);
    if (stackLevel !== undefined) criteria.stackLevel = stackLevel;
    const matched = this.profiles.clear(this.upstream, criteria);
    return {
      kind: 'answer',
      payload: { status: matched ? 'Accepted' : 'Unknown' },
      granted: true,
      note: matched ? `${this.upstream}'s matching charging profiles cleared; the charger gets the others' limits` : `${this.upstream} has no matching charging profile: Unknown`,
    };
  }

  /** 2.0.1+: answered from this upstream's own profiles; the reports follow as the proxy's Calls. */
  private get(frame: StageFrame): StageDecision {
    const payload = this.current(frame);
    const criteria: ClearCriteria & { ids?: number[] } = {};
    const filter = isObject(payload.chargingProfile) ? payload.chargingProfile : {};
    const evse = int(payload.evseId);
    if (evse !== undefined) criteria.connector = evse;
    if (typeof filter.chargingProfilePurpose === 'string') criteria.purpose = filter.chargingProfilePurpose;
    const stackLevel = int(filter.stackLevel);
    if (stackLevel !== undefined) criteria.stackLevel = stackLevel;
    if (Array.isArray(filter.chargingProfileId)) criteria.ids = filter.chargingProfileId.filter((n): n is number => typeof n === 'number');
    // The backends' profiles are CSO limits: asked for other sources only, there are none.
    const sources = filter.chargingLimitSource;
    const own = Array.isArray(sources) && !sources.includes('CSO') ? [] : this.profiles.own(this.upstream, criteria);
    if (own.length === 0) return { kind: 'answer', payload: { status: 'NoProfiles' }, granted: true, note: `${this.upstream} has no matching charging profile` };
    const requestId = payload.requestId;
    const byEvse = new Map<number, Payload[]>();
    for (const p of own) byEvse.set(p.connector, [...(byEvse.get(p.connector) ?? []), p.raw]);
    const evses = [...byEvse];
    const then = evses.map(([evseId, chargingProfile], index) => ({
      action: 'ReportChargingProfiles',
      payload: { requestId, chargingLimitSource: 'CSO', evseId, chargingProfile, ...(index < evses.length - 1 ? { tbc: true } : {}) },
    }));
    return { kind: 'answer', payload: { status: 'Accepted' }, granted: true, note: `${this.upstream}'s own ${own.length} charging profiles reported`, then };
  }

  /** 1.6: the charger starts the transaction without the profile; the profile joins the merge for it. */
  private remoteStart(frame: StageFrame): StageDecision {
    const payload = this.current(frame);
    const raw = payload.chargingProfile;
    if (!isObject(raw)) return FORWARD;
    const input = profileFrom16(raw, this.now());
    const invalid = invalidProfile(input);
    if (invalid !== null) {
      return { kind: 'error', code: 'PropertyConstraintViolation', description: `charging profile refused: ${invalid}`, note: `${this.upstream}'s RemoteStartTransaction refused: its profile ${invalid}` };
    }
    const connector = int(payload.connectorId) ?? 0;
    const profile: StoredProfile = { upstream: this.upstream, connector, purpose: 'TxProfile', id: int(raw.chargingProfileId) ?? 0, raw, input };
    this.profiles.remoteStartProfile(profile);
    const { chargingProfile: _left, ...rest } = payload;
    return {
      kind: 'replace',
      text: JSON.stringify([2, frame.id, 'RemoteStartTransaction', rest]),
      note: `${this.upstream}'s RemoteStartTransaction profile joins the merge for the transaction that starts`,
      onChargerAnswer: (answer) => {
        if (answer?.status !== 'Accepted') this.profiles.dropRemoteStartProfile(profile);
      },
    };
  }
}
