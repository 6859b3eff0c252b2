// How the event loop keeps up, for /metrics: its delay (node:perf_hooks monitorEventLoopDelay,
// since start) and the garbage collector's pauses. Where the runtime lacks either (Deno), the
// figures are left out rather than faked.

import { monitorEventLoopDelay, PerformanceObserver, type ELDHistogram } from 'node:perf_hooks';

export class RuntimeHealth {
  private readonly delay: ELDHistogram | null;
  private readonly gc: PerformanceObserver | null;
  private gcPauses = 0;
  private gcSeconds = 0;

  constructor() {
    this.delay = attempt(() => {
      const histogram = monitorEventLoopDelay({ resolution: 10 });
      histogram.enable();
      return histogram;
    });
    this.gc = attempt(() => {
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          this.gcPauses++;
          this.gcSeconds += entry.duration / 1000;
        }
      });
      observer.observe({ entryTypes: ['gc'] });
      return observer;
    });
  }

  /** Prometheus lines (with their HELP and TYPE). */
  lines(): string[] {
    const out: string[] = [];
    if (this.delay !== null) {
      out.push('# HELP ocpp_proxy_event_loop_delay_seconds How late the event loop ran timers since start (p50, p99, max).', '# TYPE ocpp_proxy_event_loop_delay_seconds gauge');
      for (const [quantile, ns] of [['0.5', this.delay.percentile(50)], ['0.99', this.delay.percentile(99)], ['1', this.delay.max]] as const) {
        out.push(`ocpp_proxy_event_loop_delay_seconds{quantile="${quantile}"} ${(ns / 1e9).toFixed(6)}`);
      }
    }
    if (this.gc !== null) {
      out.push('# HELP ocpp_proxy_gc_pause_seconds_total Time the garbage collector paused the proxy since start.', '# TYPE ocpp_proxy_gc_pause_seconds_total counter');
      out.push(`ocpp_proxy_gc_pause_seconds_total ${this.gcSeconds.toFixed(6)}`);
      out.push('# HELP ocpp_proxy_gc_pauses_total Garbage collector pauses since start.', '# TYPE ocpp_proxy_gc_pauses_total counter');
      out.push(`ocpp_proxy_gc_pauses_total ${this.gcPauses}`);
    }
    return out;
  }

  close(): void {
    this.delay?.disable();
    this.gc?.disconnect();
  }
}

function attempt<T>(make: () => T): T | null {
  try {
    return make();
  } catch {
    return null;
  }
}
