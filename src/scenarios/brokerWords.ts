/** The words of a caption that follow the broker, filled in for a run: small, so that a lesson's
 * own run binds its captions without the facts' machinery (facts.ts), which loads with the
 * lessons. */
import { brokerLease, findSetting, type Broker, type Simulation } from '../engine/index.ts';

/** The broker's lease as a caption names it (`{lease}`, `{leaseLength}`): the broker, and the
 * lease's length in ms now (null when the broker's lease has no setting). */
export function leaseOf(sim: Pick<Simulation, 'config'>): { broker: Broker; ms: number | null } {
  const broker = sim.config.queue.broker;
  const lease = brokerLease(broker);
  const ms = lease.setting ? Number(findSetting(lease.setting)?.read(sim.config)) : NaN;
  return { broker, ms: Number.isFinite(ms) ? ms : null };
}

/** A beat bound to a run, its words that follow the broker its own at this moment: `{lease}` is
 * the lease's name ("visibility timeout", "session timeout", "min-idle time") and `{leaseLength}`
 * its length now ("10 s"), in the English caption and kept as `lease` for the other languages. */
export function brokerWords<B extends { caption: string }>(
  beat: B,
  sim: Pick<Simulation, 'config'>,
): B & { lease?: { broker: Broker; ms: number | null } } {
  if (!beat.caption.includes('{lease')) return beat;
  const lease = leaseOf(sim);
  const caption = beat.caption
    .replaceAll('{leaseLength}', lease.ms === null ? '' : `${lease.ms / 1000} s`)
    .replaceAll('{lease}', brokerLease(lease.broker).name);
  return { ...beat, caption, lease };
}
