// A stage: one piece of per-upstream behaviour between the charger session and one upstream
// link. Each stage looks at a frame on its way and returns a decision; the session carries the
// decisions out (sends, replies, logs), so stages stay pure over what they were given.

import type { Payload } from '../ocpp/frame.ts';
import type { OcppErrorCode } from '../errors.ts';

/** A Call (or 2.1 SEND) on its way through the chain; `text` is the frame as it stands so far. */
export interface StageFrame {
  readonly type: 'CALL' | 'SEND';
  readonly id: string;
  readonly action: string;
  /** The payload as parsed from the original bytes (a stage that changes bytes does not change it). */
  readonly payload: Payload;
  readonly text: string;
  /** Charger Calls only: this stage's upstream answers this Call (the primary or the session owner). */
  readonly toAnswerer?: boolean;
}

export type StageDecision =
  /** Pass on unchanged; `note` is said on the console (e.g. why a control Call was allowed). */
  | { kind: 'forward'; note?: string }
  /**
   * Pass on these bytes instead (spliced from the original: only the changed values differ);
   * `rewriteAnswer` changes the charger's answer on its way back to this upstream;
   * `filtered`: parts of a charger frame were left out for this upstream (logged `filtered`);
   * `onChargerAnswer` learns the charger's answer (payload; null for a CallError or none in time).
   */
  | { kind: 'replace'; text: string; note?: string; filtered?: boolean; rewriteAnswer?: (answer: string) => string; onChargerAnswer?: (answer: Payload | null) => void; atSend?: AtSend }
  /**
   * Do not pass on: the proxy answers the sender itself (logged `blocked`; with `granted`, the
   * proxy did what was asked without the charger, and it is not logged as a refusal; `then`:
   * the proxy's own Calls to this upstream after the answer, e.g. reports it asked for).
   */
  | { kind: 'answer'; payload: Payload; note: string; granted?: boolean; then?: Array<{ action: string; payload: Payload }> }
  | { kind: 'error'; code: OcppErrorCode; description: string; note: string }
  /** Do not pass on, and answer nothing (logged `dropped`). */
  | { kind: 'drop'; note: string };

/**
 * Upstream Calls that wait in the charger's queue: decided again when their turn comes, from what
 * is known then (the bytes to send, or the proxy's own answer when nothing is left to send).
 */
export type AtSend = () => { text: string } | { answer: Payload; note: string };

export const FORWARD: StageDecision = { kind: 'forward' };

export interface Stage {
  readonly name: string;
  /** A charger Call on its way to this stage's upstream. */
  toUpstream?(frame: StageFrame): StageDecision;
  /** A Call (or SEND) of this stage's upstream on its way to the charger. */
  fromUpstream?(frame: StageFrame): StageDecision;
}

/** The frame and what to do with it after every stage of a chain had its say. */
export interface ChainResult {
  /** The bytes to pass on (the original text when no stage replaced it); null when stopped. */
  text: string;
  /** Set when a stage stopped the frame: what it decided. */
  stopped: Extract<StageDecision, { kind: 'answer' | 'error' | 'drop' }> | null;
  notes: string[];
  rewriteAnswer: ((answer: string) => string) | null;
  onChargerAnswer: ((answer: Payload | null) => void) | null;
  filtered: boolean;
  atSend: AtSend | null;
}

/** Runs `frame` through `stages` in order (`direction` picks the hook); the first stop wins. */
export function runChain(stages: readonly Stage[], direction: 'toUpstream' | 'fromUpstream', frame: StageFrame): ChainResult {
  let current = frame;
  let notes: string[] | null = null;
  let rewriteAnswer: ((answer: string) => string) | null = null;
  let onChargerAnswer: ((answer: Payload | null) => void) | null = null;
  let filtered = false;
  let atSend: AtSend | null = null;
  for (const stage of stages) {
    const decide = stage[direction];
    if (decide === undefined) continue;
    const decision = decide.call(stage, current);
    if (decision.kind !== 'forward' && decision.kind !== 'replace') {
      return { text: current.text, stopped: decision, notes: notes ?? [], rewriteAnswer: null, onChargerAnswer: null, filtered: false, atSend: null };
    }
    if (decision.note !== undefined) (notes ??= []).push(decision.note);
    if (decision.kind === 'replace') {
      current = { ...current, text: decision.text };
      // A later stage is nearer the charger: its rewrite applies first, then the earlier ones'.
      if (decision.filtered === true) filtered = true;
      if (decision.rewriteAnswer !== undefined) rewriteAnswer = composeRewrites(rewriteAnswer, decision.rewriteAnswer);
      if (decision.onChargerAnswer !== undefined) onChargerAnswer = bothHooks(onChargerAnswer, decision.onChargerAnswer);
      if (decision.atSend !== undefined) atSend = decision.atSend;
    }
  }
  return { text: current.text, stopped: null, notes: notes ?? NO_NOTES, rewriteAnswer, onChargerAnswer, filtered, atSend };
}

const NO_NOTES: string[] = [];

function composeRewrites(outer: ((answer: string) => string) | null, inner: (answer: string) => string): (answer: string) => string {
  return outer === null ? inner : (answer) => outer(inner(answer));
}

function bothHooks(first: ((answer: Payload | null) => void) | null, then: (answer: Payload | null) => void): (answer: Payload | null) => void {
  if (first === null) return then;
  return (answer) => {
    first(answer);
    then(answer);
  };
}
