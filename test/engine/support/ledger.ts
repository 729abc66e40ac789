/** An independent bookkeeper for the queue: it replays the event log, follows every message from
 * place to place and every worker from job to job, throws on a move the broker must never make,
 * and counts messages per place so that a test can hold the engine's own counters against it. */
import type { Config, LogEntry } from '../../../src/engine/index.ts';

export type Place = 'queued' | 'delayed' | 'inflight' | 'expired' | 'acked' | 'dead';

interface Tracked {
  place: Place;
  order: number;
  receives: number;
  /** The worker that received it last. */
  holder: number;
  sent: boolean;
}

type WorkerPhase = 'free' | 'busy' | 'crashed';

interface TrackedWorker {
  phase: WorkerPhase;
  /** The message of the current or last call. */
  message: number;
  /** When the last call ended, and whether its email went out: a worker may crash right after a
   * call, and the log then says whether an email had been sent (`afterSend`). */
  callEndedAt: number;
  callSent: boolean;
}

export interface PlaceCounts {
  enqueued: number;
  queued: number;
  delayed: number;
  inflight: number;
  acked: number;
  dead: number;
  /** Messages whose email went out at least once. */
  sent: number;
  /** Dead-lettered messages whose email never went out. */
  deadUnsent: number;
}

export class MessageLedger {
  private readonly messages = new Map<number, Tracked>();
  private readonly byOrder = new Map<number, number>();
  private readonly workers = new Map<number, TrackedWorker>();
  private maxReceives: number;
  private workerCount: number;
  private lastT = 0;

  constructor(config: Config) {
    this.maxReceives = config.queue.maxReceives;
    this.workerCount = config.workers.count;
  }

  /** Replays entries in log order; throws an Error naming the entry on an illegal move. */
  replay(entries: readonly LogEntry[]): void {
    for (const e of entries) {
      try {
        this.apply(e);
      } catch (error) {
        throw new Error(`${(error as Error).message} at ${JSON.stringify(e)}`, { cause: error });
      }
    }
  }

  counts(): PlaceCounts {
    const c: PlaceCounts = {
      enqueued: 0,
      queued: 0,
      delayed: 0,
      inflight: 0,
      acked: 0,
      dead: 0,
      sent: 0,
      deadUnsent: 0,
    };
    for (const m of this.messages.values()) {
      c.enqueued++;
      if (m.place === 'expired') throw new Error('a message was left between places');
      c[m.place]++;
      if (m.sent) c.sent++;
      if (m.place === 'dead' && !m.sent) c.deadUnsent++;
    }
    return c;
  }

  private apply(e: LogEntry): void {
    if (e.t < this.lastT) throw new Error(`time went back from ${this.lastT}`);
    this.lastT = e.t;
    switch (e.kind) {
      case 'settingChanged':
        if (e.key === 'queue.maxReceives') this.maxReceives = Number(e.value);
        if (e.key === 'workers.count') this.workerCount = Number(e.value);
        return;
      case 'messageQueued': {
        const m = this.messages.get(e.message);
        if (m === undefined) {
          this.messages.set(e.message, {
            place: 'queued',
            order: e.order,
            receives: 0,
            holder: -1,
            sent: false,
          });
          if (this.byOrder.has(e.order)) throw new Error('a second message for one order');
          this.byOrder.set(e.order, e.message);
          return;
        }
        const from = this.move(m, ['delayed', 'expired'], 'queued');
        if (from === 'expired' && m.receives >= this.maxReceives) {
          throw new Error('queued again after its last allowed receive');
        }
        return;
      }
      case 'messageReceived': {
        const m = this.message(e.message);
        this.move(m, ['queued'], 'inflight');
        if (e.receive !== m.receives + 1)
          throw new Error(`receive ${e.receive} after ${m.receives}`);
        m.receives = e.receive;
        m.holder = e.worker;
        const w = this.worker(e.worker);
        if (w.phase !== 'free') throw new Error(`delivered to a ${w.phase} worker`);
        if (e.worker >= this.workerCount) throw new Error('delivered to a retired worker');
        w.phase = 'busy';
        w.message = e.message;
        return;
      }
      case 'emailCall': {
        const m = this.message(e.message);
        if (m.place !== 'inflight' || m.holder !== e.worker)
          throw new Error('call without a lease');
        return;
      }
      case 'emailSent':
      case 'emailFailed': {
        if (e.worker < 0) return; // sync: the handler's own call
        const w = this.worker(e.worker);
        const m = this.message(w.message);
        if (w.phase !== 'busy') throw new Error(`a ${w.phase} worker finished a call`);
        if (m.order !== e.order) throw new Error(`worker holds order ${m.order}`);
        if (e.kind === 'emailSent') {
          if (e.duplicate !== m.sent) throw new Error(`duplicate flag ${e.duplicate} is wrong`);
          m.sent = true;
        }
        w.phase = 'free';
        w.callEndedAt = e.t;
        w.callSent = e.kind === 'emailSent';
        return;
      }
      case 'messageAcked': {
        const m = this.message(e.message);
        if (m.holder !== e.worker) throw new Error(`acked by ${e.worker}, held by ${m.holder}`);
        this.move(m, ['inflight'], 'acked');
        return;
      }
      case 'lateAck': {
        const m = this.message(e.message);
        if (m.place === 'inflight' && m.holder === e.worker) throw new Error('the lease was valid');
        return;
      }
      case 'messageRetryLater': {
        const m = this.message(e.message);
        this.move(m, ['inflight'], 'delayed');
        if (m.receives >= this.maxReceives) throw new Error('retried after its last receive');
        if (e.visibleAtMs < e.t) throw new Error('visible again in the past');
        return;
      }
      case 'visibilityExpired':
        this.move(this.message(e.message), ['inflight'], 'expired');
        return;
      case 'deadLettered': {
        const m = this.message(e.message);
        this.move(m, ['inflight', 'expired'], 'dead');
        if (m.receives < this.maxReceives) throw new Error(`dead after ${m.receives} receives`);
        return;
      }
      case 'workerCrashed': {
        const w = this.worker(e.worker);
        const m = this.message(w.message);
        if (m.order !== e.order) throw new Error(`worker held order ${m.order}`);
        // Part-way through the call, or just after it (then afterSend says if an email went out).
        const justAfterCall = w.phase === 'free' && w.callEndedAt === e.t;
        const ok = e.afterSend
          ? justAfterCall && w.callSent
          : w.phase === 'busy' || (justAfterCall && !w.callSent);
        if (!ok) throw new Error(`crashed while ${w.phase}`);
        w.phase = 'crashed';
        return;
      }
      case 'workerRestarted': {
        const w = this.worker(e.worker);
        if (w.phase !== 'crashed') throw new Error(`restarted while ${w.phase}`);
        w.phase = 'free';
        return;
      }
      default:
        return;
    }
  }

  /** Moves a message between places; returns where it came from. */
  private move(m: Tracked, from: readonly Place[], to: Place): Place {
    const was = m.place;
    if (!from.includes(was)) throw new Error(`illegal move ${was} -> ${to}`);
    m.place = to;
    return was;
  }

  private message(id: number): Tracked {
    const m = this.messages.get(id);
    if (m === undefined) throw new Error(`unknown message ${id}`);
    return m;
  }

  private worker(id: number): TrackedWorker {
    let w = this.workers.get(id);
    if (w === undefined) {
      w = { phase: 'free', message: -1, callEndedAt: -1, callSent: false };
      this.workers.set(id, w);
    }
    return w;
  }
}
