// What an upstream link missed and gets once it is (back) open, with one owner: the backlog of
// charger frames that waited for it, the proxy's replay of boot and statuses, and the one Call
// of those in flight (a CSMS catching up gets them one at a time). The session decides what goes
// in and when to send; only this class changes these fields.

import type { FrameType, Tag } from '../log/message-log.ts';
import { LazyMap } from '../collections.ts';

/** A frame kept for an upstream until it can be sent. */
export interface OutboxFrame {
  data: Buffer | string;
  text: string;
  type: FrameType;
  id: string;
  action: string | null;
  /** What the proxy already did to it (e.g. `fixed`); `queued` is added when it goes. */
  tags: Tag[];
  /** Kept in the durable outbox too (its seq there): the outbox, not this copy, is what counts. */
  seq?: number;
}

export interface CatchUpLimits {
  /** Frames the backlog may hold (transaction frames are kept over it). */
  backlogLimit: number;
  /** Bytes the backlog may hold, whatever the frames. */
  backlogBytes: number;
}

/** Charger Calls never dropped from a backlog over the count limit: losing them loses a transaction or the boot. */
const PROTECTED_ACTIONS: ReadonlySet<string> = new Set(['BootNotification', 'StartTransaction', 'StopTransaction', 'TransactionEvent']);

function frameBytes(frame: OutboxFrame): number {
  return frame.data.length + (frame.text === frame.data ? 0 : frame.text.length);
}

export class CatchUp {
  private readonly limits: CatchUpLimits;
  private readonly backlog: OutboxFrame[] = [];
  private bytes = 0;
  private readonly replay: OutboxFrame[] = [];
  /** Replayed Call ids whose answers the proxy consumes → their action (for the log). */
  private readonly replayIds = new LazyMap<string, string>();
  private active = false;
  private inFlight: string | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(limits: CatchUpLimits) {
    this.limits = limits;
  }

  /** Nothing waits and nothing is being caught up: a charger frame may go straight out. */
  get idle(): boolean {
    return !this.active && this.backlog.length === 0;
  }

  /** True while frames go one Call at a time (or everything is held). */
  get isActive(): boolean {
    return this.active;
  }

  /** A catch-up Call is out and its answer awaited. */
  get waiting(): boolean {
    return this.inFlight !== null;
  }

  /** Frames waiting: the backlog and the replay. */
  get size(): number {
    return this.backlog.length + this.replay.length;
  }

  get backlogLength(): number {
    return this.backlog.length;
  }

  /** Bytes held by the backlog (the frames and their log copies). */
  get backlogBytes(): number {
    return this.bytes;
  }

  /** The backlog's frames, oldest first (read only). */
  backlogFrames(): readonly OutboxFrame[] {
    return this.backlog;
  }

  hasBacklogged(action: string): boolean {
    return this.backlog.some((frame) => frame.action === action);
  }

  /**
   * Adds a charger frame to the backlog; returns the frames dropped to stay within the limits.
   * Over the count limit the oldest MeterValues go first, then the oldest unprotected frame;
   * the byte limit is hard: when only protected (transaction) frames are left, the oldest goes.
   */
  push(frame: OutboxFrame): OutboxFrame[] {
    // A frame that could never fit goes alone: the backlog it cannot join stays.
    if (frameBytes(frame) > this.limits.backlogBytes) return [frame];
    this.backlog.push(frame);
    this.bytes += frameBytes(frame);
    const dropped: OutboxFrame[] = [];
    while (this.backlog.length > this.limits.backlogLimit || this.bytes > this.limits.backlogBytes) {
      let victim = this.backlog.findIndex((f) => f.action === 'MeterValues');
      if (victim === -1) victim = this.backlog.findIndex((f) => f.action === null || !PROTECTED_ACTIONS.has(f.action));
      if (victim === -1) {
        if (this.bytes <= this.limits.backlogBytes) break; // protected frames are kept over the count limit
        victim = 0;
      }
      const [gone] = this.backlog.splice(victim, 1);
      this.bytes -= frameBytes(gone!);
      dropped.push(gone!);
    }
    return dropped;
  }

  /**
   * The link is (back) open: the outbox's frames (every unanswered transaction Call, oldest
   * first) replace the backlog's copies of them and go before the rest, after a waiting boot.
   */
  takeDurable(frames: OutboxFrame[]): void {
    const rest = this.backlog.filter((frame) => frame.seq === undefined);
    // A boot the charger sent meanwhile still goes first: a CSMS expects it before anything else.
    const boots = rest.filter((frame) => frame.action === 'BootNotification');
    this.backlog.length = 0;
    this.backlog.push(...boots, ...frames, ...rest.filter((frame) => frame.action !== 'BootNotification'));
    this.bytes = this.backlog.reduce((sum, frame) => sum + frameBytes(frame), 0);
  }

  /** A proxy Call (boot or status) to send before the backlog; its answer is the proxy's. */
  addReplay(frame: OutboxFrame & { action: string }): void {
    this.replay.push(frame);
    this.replayIds.set(frame.id, frame.action);
  }

  /** Everything for the link waits until `release()` or `start()`. */
  hold(): void {
    this.active = true;
  }

  /** Begins sending what waits; false (and idle) when nothing does. */
  start(): boolean {
    this.active = this.replay.length > 0 || this.backlog.length > 0;
    return this.active;
  }

  /**
   * The next frame to send, replay first; undefined (and the catch-up over) when none is left.
   * `replayed` says whose frame it is.
   */
  next(): { frame: OutboxFrame; replayed: boolean } | undefined {
    const replayed = this.replay.length > 0;
    const frame = replayed ? this.replay.shift() : this.backlog.shift();
    if (frame === undefined) {
      this.active = false;
      return undefined;
    }
    if (!replayed) this.bytes -= frameBytes(frame);
    return { frame, replayed };
  }

  /** A Call went out: the next waits for its answer, or for `timeoutMs`, then `onTimeout`. */
  awaitAnswer(id: string, timeoutMs: number, onTimeout: () => void): void {
    this.active = true;
    this.inFlight = id;
    this.timer = setTimeout(() => {
      this.inFlight = null;
      this.timer = null;
      onTimeout();
    }, timeoutMs);
  }

  /** True when `id` answers the catch-up Call in flight (which is then no longer awaited). */
  answered(id: string): boolean {
    if (this.inFlight !== id) return false;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.inFlight = null;
    return true;
  }

  /** The action of a replayed Call answered by `id` (forgotten then), or undefined. */
  takeReplayed(id: string): string | undefined {
    const action = this.replayIds.get(id);
    if (action !== undefined) this.replayIds.delete(id);
    return action;
  }

  /** The socket closed: answers to what was sent on it will never come. The backlog stays. */
  reset(): void {
    this.replayIds.clear();
    this.replay.length = 0;
    this.active = false;
    this.inFlight = null;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /** The link is closed for good: nothing is kept. */
  clear(): void {
    this.reset();
    this.backlog.length = 0;
    this.bytes = 0;
  }
}
