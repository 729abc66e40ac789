/** The replay budget: how many orders reaching a moment means simulating (the arrivals from 0 s,
 * rate × time through the recipe's changes), and the limit past which a link, a seek or a host's
 * seek into time not yet played is refused with a sentence saying what it would cost. Pure. */
import {
  ACTIONS,
  applySetting,
  buildConfig,
  isAction,
  REPLAY_BUDGET_ORDERS,
  type Config,
  type TimedChange,
} from '../../engine/index.ts';
import { formatCount, formatTime } from '../../format/index.ts';
import type { RunRecipe } from '../lanes/lane.ts';

/** Orders a jump may simulate (engine/limits.ts). Both lanes replay each order; in Chromium an
 * order costs 10 to 90 µs, so the largest allowed jump takes a few seconds (in slices, behind a
 * progress bar); what the lanes hold is bounded by the page's own budgets (PAGE_LIMITS). */
export { REPLAY_BUDGET_ORDERS };
/** The furthest moment a link or a host may ask for: a day of simulated time. */
export const MAX_JUMP_MS = 86_400_000;

/** The orders that arrive in [fromMs, toMs) under one configuration. */
function arrivalsBetween(config: Config, fromMs: number, toMs: number): number {
  const t = config.traffic;
  if (toMs <= fromMs || t.pattern === 'single') return 0;
  const seconds = (toMs - fromMs) / 1000;
  if (t.pattern === 'steady') return t.ratePerSec * seconds;
  const spikeFrom = t.spikeAtSec * 1000;
  const spikeTo = spikeFrom + t.spikeForSec * 1000;
  const inSpike = Math.max(0, Math.min(toMs, spikeTo) - Math.max(fromMs, spikeFrom)) / 1000;
  return t.ratePerSec * (seconds - inSpike) + t.spikeRatePerSec * inSpike;
}

/** About how many orders a run of this recipe has seen by `toMs`: the expected arrivals (orders
 * arrive only during the recipe's duration), the single pattern's one order, and placed orders. */
export function expectedOrders(recipe: RunRecipe, toMs: number): number {
  const config = buildConfig(recipe.settings, recipe.flow);
  const end = Math.min(toMs, recipe.durationMs);
  let orders = config.traffic.pattern === 'single' ? 1 : 0;
  let from = 0;
  const changes: readonly TimedChange[] = [...recipe.changes].sort((a, b) => a.atMs - b.atMs);
  for (const change of changes) {
    if (change.atMs > toMs) break;
    if (change.atMs < end) {
      orders += arrivalsBetween(config, from, change.atMs);
      from = Math.max(from, change.atMs);
    }
    if (change.key === ACTIONS.placeOrders) orders += Number(change.value) || 0;
    else if (!isAction(change.key)) applySetting(config, change.key, change.value);
  }
  orders += arrivalsBetween(config, from, end);
  const limit = config.traffic.orders;
  return limit > 0 ? Math.min(orders, limit + placedOrders(changes, toMs)) : orders;
}

function placedOrders(changes: readonly TimedChange[], toMs: number): number {
  let placed = 0;
  for (const c of changes) {
    if (c.atMs <= toMs && c.key === ACTIONS.placeOrders) placed += Number(c.value) || 0;
  }
  return placed;
}

/** The latest moment (whole ms, up to MAX_JUMP_MS) this recipe reaches within the budget. */
export function latestWithinBudget(recipe: RunRecipe, budget = REPLAY_BUDGET_ORDERS): number {
  if (expectedOrders(recipe, MAX_JUMP_MS) <= budget) return MAX_JUMP_MS;
  let low = 0;
  let high = MAX_JUMP_MS;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (expectedOrders(recipe, mid) <= budget) low = mid;
    else high = mid;
  }
  return low;
}

/** Why reaching `toMs` is refused, or undefined when it is within the budget and the day a jump
 * may reach. Both refusals say the range a jump may reach, as every time is written. */
export function outOfReach(recipe: RunRecipe, toMs: number): string | undefined {
  if (toMs <= MAX_JUMP_MS) return overBudget(recipe, toMs);
  return (
    `${formatTime(toMs)} is past the furthest a jump may reach; ` +
    `with these settings a jump reaches from 0 s to ${formatTime(latestWithinBudget(recipe))}`
  );
}

/** Why reaching `toMs` is refused, or undefined when it is within the budget. */
export function overBudget(recipe: RunRecipe, toMs: number): string | undefined {
  const orders = expectedOrders(recipe, toMs);
  if (orders <= REPLAY_BUDGET_ORDERS) return undefined;
  const latest = latestWithinBudget(recipe);
  return (
    `reaching ${formatTime(toMs)} means simulating about ` +
    `${formatCount(orders)} orders, more than the ${formatCount(REPLAY_BUDGET_ORDERS)} a jump may; ` +
    `with these settings a jump reaches at most ${formatTime(latest)}`
  );
}
