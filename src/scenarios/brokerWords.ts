/** The words of a caption that follow the broker, filled in for a run: small, so that a lesson's
 * own run binds its captions without the facts' machinery (facts.ts), which loads with the
 * lessons. */
import { brokerLease, findSetting, type Simulation } from '../engine/index.ts';

/** A caption's words that follow the broker: `{lease}` is its lease's name ("visibility
 * timeout", "session timeout", "min-idle time") and `{leaseLength}` its length now ("10 s"). */
export function brokerWords(caption: string, sim: Pick<Simulation, 'config'>): string {
  if (!caption.includes('{lease')) return caption;
  const lease = brokerLease(sim.config.queue.broker);
  const ms = lease.setting ? Number(findSetting(lease.setting)?.read(sim.config)) : NaN;
  return caption
    .replaceAll('{leaseLength}', Number.isFinite(ms) ? `${ms / 1000} s` : '')
    .replaceAll('{lease}', lease.name);
}
