// `[host] charger_rate`: one charger cannot take the event loop from the others. A token bucket
// of bytes (each frame costs at least FRAME_COST, which bounds the frame rate too); past it, after
// a burst, the charger's socket is read more slowly. Nothing is dropped.

import type { Config } from '../config/config.ts';

/** What each frame costs besides its bytes. */
const FRAME_COST = 256;

export class ChargerRate {
  private readonly rate: number;
  /** Two of the largest frames, or one second at the rate. */
  private readonly burst: number;
  private tokens: number;
  private tokensAt = Date.now();
  private timer: NodeJS.Timeout | null = null;

  constructor(config: Config) {
    this.rate = config.chargerRate;
    this.burst = Math.max(2 * config.maxMessageSize, config.chargerRate);
    this.tokens = this.burst;
  }

  /** Counts a frame; past the rate, `pause()` now and `resume()` once the bucket has refilled. */
  spend(bytes: number, now: number, pause: () => void, resume: () => void): void {
    if (this.rate <= 0) return;
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.tokensAt) * this.rate) / 1000) - bytes - FRAME_COST;
    this.tokensAt = now;
    if (this.tokens >= 0 || this.timer !== null) return;
    pause();
    this.timer = setTimeout(() => {
      this.timer = null;
      resume();
    }, Math.ceil((-this.tokens / this.rate) * 1000));
    this.timer.unref();
  }

  stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
