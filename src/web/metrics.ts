// Prometheus text exposition (version 0.0.4). Counters are folded in from the message log as
// entries pass; gauges are read from the live sessions at scrape time.

import type { MessageLogEntry } from '../log/message-log.ts';
import type { ChargerSession } from '../session/charger-session.ts';
import { actionLabel } from '../ocpp/actions.ts';
import type { Outbox } from '../store/outbox.ts';
import type { SharedStats } from '../store/shared-state.ts';
import { RuntimeHealth } from './runtime-health.ts';

const RTT_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const MAX_OPEN_CALLS = 10_000;

interface Histogram {
  counts: number[];
  sum: number;
  count: number;
}

export class Metrics {
  private readonly frames = new Map<string, number>();
  private readonly tags = new Map<string, number>();
  private readonly rtt = new Map<string, Histogram>();
  /** `charger|upstream|id` → when the charger's Call went to that upstream. */
  private readonly openCalls = new Map<string, number>();
  /** `charger|upstream` → the latest time from a charger Call to that upstream's answer (ms), for the overview. */
  private readonly latestRtt = new Map<string, number>();
  private readonly startedAt = Date.now();
  /** Event-loop delay and GC pauses. */
  readonly health = new RuntimeHealth();

  observe(entry: MessageLogEntry): void {
    // Unknown actions share one label: a peer cannot grow the label set (or each scrape) at will.
    const frameKey = `${entry.from}\u0000${entry.to}\u0000${entry.type}\u0000${actionLabel(entry.action)}`;
    this.frames.set(frameKey, (this.frames.get(frameKey) ?? 0) + 1);
    for (const tag of entry.tags) this.tags.set(tag, (this.tags.get(tag) ?? 0) + 1);
    if (entry.from === 'charger' && entry.type === 'CALL' && entry.to !== 'proxy') {
      if (this.openCalls.size >= MAX_OPEN_CALLS) this.openCalls.delete(this.openCalls.keys().next().value!);
      this.openCalls.set(`${entry.charger}|${entry.to}|${entry.id}`, Date.parse(entry.ts));
    } else if (entry.to !== 'proxy' || entry.tags.includes('dropped')) {
      if (entry.type !== 'CALLRESULT' && entry.type !== 'CALLERROR') return;
      const key = `${entry.charger}|${entry.from}|${entry.id}`;
      const sentAt = this.openCalls.get(key);
      if (sentAt === undefined) return;
      this.openCalls.delete(key);
      const ms = Date.parse(entry.ts) - sentAt;
      this.record(entry.from, ms / 1000);
      const link = `${entry.charger}|${entry.from}`;
      this.latestRtt.delete(link);
      this.latestRtt.set(link, ms);
      if (this.latestRtt.size > MAX_OPEN_CALLS) this.latestRtt.delete(this.latestRtt.keys().next().value!);
    }
  }

  /** How long `upstream` took to answer the charger's latest Call (ms), or null before any answer. */
  latencyMs(charger: string, upstream: string): number | null {
    return this.latestRtt.get(`${charger}|${upstream}`) ?? null;
  }

  render(sessions: Iterable<ChargerSession>, outbox: Outbox | null = null, shared: SharedStats | null = null): string {
    const out: string[] = [];
    const family = (name: string, type: string, help: string) => out.push(`# HELP ocpp_proxy_${name} ${help}`, `# TYPE ocpp_proxy_${name} ${type}`);
    /** A family of one unlabelled sample. */
    const single = (name: string, type: string, help: string, value: number) => {
      family(name, type, help);
      out.push(`ocpp_proxy_${name} ${value}`);
    };
    const list = [...sessions];

    single('chargers_connected', 'gauge', 'Chargers with an open connection.', list.length);
    family('upstream_link_up', 'gauge', 'Upstream link state per charger (1 open, 0 otherwise).');
    family('upstream_backlog', 'gauge', 'Charger frames waiting for an upstream that is away or catching up.');
    family('upstream_reconnect_attempts', 'gauge', 'Failed reconnect attempts since the link was last open.');
    for (const session of list) {
      for (const link of session.links) {
        const labels = `charger="${esc(session.chargerId)}",upstream="${esc(link.name)}",role="${link.role}"`;
        out.push(`ocpp_proxy_upstream_link_up{${labels}} ${link.isOpen ? 1 : 0}`);
        out.push(`ocpp_proxy_upstream_backlog{${labels}} ${link.catchUp.size}`);
        out.push(`ocpp_proxy_upstream_reconnect_attempts{${labels}} ${link.reconnectAttempts}`);
      }
    }
    family('queued_calls', 'gauge', 'Upstream and proxy Calls waiting for (or at) the charger.');
    for (const session of list) out.push(`ocpp_proxy_queued_calls{charger="${esc(session.chargerId)}"} ${session.queuedCalls}`);

    family('frames_total', 'counter', 'Frames per hop, type and action.');
    for (const [key, count] of this.frames) {
      const [from, to, type, action] = key.split('\u0000');
      out.push(`ocpp_proxy_frames_total{from="${esc(from!)}",to="${esc(to!)}",type="${type}",action="${esc(action!)}"} ${count}`);
    }
    for (const tag of ['dropped', 'blocked', 'fixed', 'replayed', 'queued', 'injected', 'filtered']) {
      family(`${tag}_total`, 'counter', `Frames the proxy tagged '${tag}'.`);
      out.push(`ocpp_proxy_${tag}_total ${this.tags.get(tag) ?? 0}`);
    }

    family('call_rtt_seconds', 'histogram', 'Time from a charger Call to each upstream until its answer.');
    for (const [upstream, h] of this.rtt) {
      RTT_BUCKETS.forEach((le, i) => out.push(`ocpp_proxy_call_rtt_seconds_bucket{upstream="${esc(upstream)}",le="${le}"} ${h.counts[i]}`));
      out.push(`ocpp_proxy_call_rtt_seconds_bucket{upstream="${esc(upstream)}",le="+Inf"} ${h.count}`);
      out.push(`ocpp_proxy_call_rtt_seconds_sum{upstream="${esc(upstream)}"} ${h.sum}`);
      out.push(`ocpp_proxy_call_rtt_seconds_count{upstream="${esc(upstream)}"} ${h.count}`);
    }

    if (outbox !== null) {
      const now = Date.now();
      const stats = outbox.ages(now);
      family('outbox_entries', 'gauge', 'Transaction Calls an upstream has not answered yet (durable outbox).');
      for (const s of stats) out.push(`ocpp_proxy_outbox_entries{upstream="${esc(s.upstream)}"} ${s.entries}`);
      family('outbox_oldest_seconds', 'gauge', 'Age of the oldest entry an upstream has not answered.');
      for (const s of stats) out.push(`ocpp_proxy_outbox_oldest_seconds{upstream="${esc(s.upstream)}"} ${s.oldestSeconds}`);
      single('outbox_dropped_total', 'counter', 'Outbox entries dropped for their age ([host] outbox_days).', outbox.dropped);
      single('outbox_refused_total', 'counter', 'Outbox entries an upstream answered with a CallError.', outbox.refused);
      single('outbox_write_failures_total', 'counter', 'Transaction Calls forwarded live whose outbox write failed (disk full, read-only).', outbox.lost);
    }

    if (shared !== null) {
      family('instance_info', 'gauge', 'This instance of several sharing one PostgreSQL ([store] instance).');
      out.push(`ocpp_proxy_instance_info{instance="${esc(shared.instance)}"} 1`);
      single('instance_chargers', 'gauge', 'Chargers this instance has claimed in the shared state (connected now or since), and no other instance took since.', shared.chargers);
      single('instance_claims_total', 'counter', 'Chargers this instance took when they connected (shared state).', shared.claims);
      single('instance_handovers_total', 'counter', 'Chargers this instance let go because another instance took them.', shared.handovers);
      single('instance_handover_timeouts_total', 'counter', 'Claims that served a charger after waiting 5 s for the instance that held it.', shared.handoverTimeouts);
      single('store_up', 'gauge', '1 while writes to the shared state database go through.', shared.problem === null ? 1 : 0);
      single('store_pending_writes', 'gauge', 'Durable writes queued for the shared state database.', shared.pending);
      single('store_writes_total', 'counter', 'Durable writes committed to the shared state database.', shared.writes);
      single('store_write_retries_total', 'counter', 'Batches of durable writes that failed and were retried (database away).', shared.retries);
      single('store_dropped_writes_total', 'counter', 'Durable writes dropped: refused by the database, or past the queue bound.', shared.dropped);
    }

    const memory = process.memoryUsage();
    const cpu = process.cpuUsage();
    single('process_resident_memory_bytes', 'gauge', 'Resident memory.', memory.rss);
    single('process_heap_used_bytes', 'gauge', 'JavaScript heap in use.', memory.heapUsed);
    single('process_cpu_seconds_total', 'counter', 'User and system CPU time.', (cpu.user + cpu.system) / 1e6);
    const resources = (process as { getActiveResourcesInfo?: () => string[] }).getActiveResourcesInfo?.() ?? [];
    const byType = new Map<string, number>();
    for (const type of resources) byType.set(type, (byType.get(type) ?? 0) + 1);
    family('process_active_resources', 'gauge', 'Live handles and timers by type (leak checks).');
    for (const [type, count] of byType) out.push(`ocpp_proxy_process_active_resources{type="${esc(type)}"} ${count}`);
    single('process_start_time_seconds', 'gauge', 'Start time, seconds since the epoch.', Math.floor(this.startedAt / 1000));
    out.push(...this.health.lines());
    return `${out.join('\n')}\n`;
  }

  private record(upstream: string, seconds: number): void {
    let h = this.rtt.get(upstream);
    if (h === undefined) this.rtt.set(upstream, (h = { counts: RTT_BUCKETS.map(() => 0), sum: 0, count: 0 }));
    RTT_BUCKETS.forEach((le, i) => {
      if (seconds <= le) h!.counts[i]!++;
    });
    h.sum += seconds;
    h.count++;
  }
}

/** Label values: backslash, quote and newline escaped. */
function esc(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}
