/** Kafka's consumer group: which workers are members now, and which partitions each one owns,
 * answered in O(1) (a partition's owner) or O(log workers) (a member's rank) however many
 * workers have left the group.
 *
 * The members are the workers with an id below `workers.count` that have not left; partition p
 * belongs to the member of rank p mod members, in id order. While nobody has left, a member's rank
 * is its id and nothing needs keeping. Once someone has, membership lives in a Fenwick tree over
 * worker ids (a 1 for each member), and the ids of the first members, as many as there are
 * partitions (the only ranks that own any), in `lead`. Both are updated when a worker leaves or
 * rejoins and rebuilt when the pool is resized: a rebalance after a poll timeout may look at
 * every partition's owner, so that look-up is one array read. */
import type { KafkaState, Partition, SimState, Worker } from '../state.ts';

/** The tree is rebuilt when the pool has been resized since it was built (a new count, or new
 * workers made), from the workers' own `left` flags. */
function fresh(s: SimState): KafkaState {
  const k = s.kafka;
  if (k.groupCount !== s.config.workers.count || k.groupSize !== s.workers.length) rebuild(s);
  return k;
}

function rebuild(s: SimState): void {
  const k = s.kafka;
  const count = s.config.workers.count;
  const n = s.workers.length;
  let capacity = 1;
  while (capacity < n) capacity *= 2;
  const tree = new Array<number>(capacity + 1).fill(0);
  let members = 0;
  for (let id = 0; id < n; id++) {
    if (id < count && !s.workers[id]!.left) {
      tree[id + 1] = 1;
      members++;
    }
  }
  // The linear-time build: each node passes its sum up to its parent.
  for (let i = 1; i <= capacity; i++) {
    const parent = i + (i & -i);
    if (parent <= capacity) tree[parent]! += tree[i]!;
  }
  k.tree = tree;
  k.members = members;
  k.groupCount = count;
  k.groupSize = n;
  const lead = Math.min(members, k.partitions.length);
  k.lead = Array.from({ length: lead }, (_, rank) => memberAt(k, rank));
}

function add(k: KafkaState, id: number, delta: number): void {
  const tree = k.tree;
  for (let i = id + 1; i < tree.length; i += i & -i) tree[i]! += delta;
  k.members += delta;
}

/** Members with an id below `id`. */
function membersBelow(k: KafkaState, id: number): number {
  let sum = 0;
  for (let i = id; i > 0; i -= i & -i) sum += k.tree[i]!;
  return sum;
}

/** The id of the member of rank `rank` (0 is the lowest id). */
function memberAt(k: KafkaState, rank: number): number {
  const tree = k.tree;
  const capacity = tree.length - 1;
  // Down the tree: the longest prefix holding fewer than rank + 1 members ends just before it.
  let pos = 0;
  let wanted = rank + 1;
  for (let step = capacity; step > 0; step >>= 1) {
    const next = pos + step;
    if (next <= capacity && tree[next]! < wanted) {
      pos = next;
      wanted -= tree[next]!;
    }
  }
  return pos;
}

/** How many workers are in the group now. */
export function groupSize(s: SimState): number {
  return s.kafka.groupLeft === 0 ? s.config.workers.count : fresh(s).members;
}

/** The worker's rank among the members, the partitions it owns being rank, rank + members, ...;
 * -1 when it is not a member (left, or beyond the pool's count). */
export function rankOf(s: SimState, worker: Worker): number {
  if (worker.id >= s.config.workers.count || worker.left) return -1;
  return s.kafka.groupLeft === 0 ? worker.id : membersBelow(fresh(s), worker.id);
}

/** The worker that owns partition p now, if the group has any members. */
export function ownerOf(s: SimState, p: Partition): Worker | undefined {
  const count = s.config.workers.count;
  if (s.kafka.groupLeft === 0) return count > 0 ? s.workers[p.id % count] : undefined;
  const k = fresh(s);
  // p mod members is below the lead's length: below members, and below the partition count.
  return k.members > 0 ? s.workers[k.lead[p.id % k.members]!] : undefined;
}

/** The worker leaves the group (`left`) or rejoins it; the caller rebalances. */
export function setLeft(s: SimState, worker: Worker, left: boolean): void {
  if (worker.left === left) return;
  // Brought up to date with the flags as they were, before this one changes.
  const k = fresh(s);
  worker.left = left;
  k.groupLeft += left ? 1 : -1;
  if (worker.id >= s.config.workers.count) return;
  const rank = membersBelow(k, worker.id);
  const partitions = k.partitions.length;
  if (left) {
    add(k, worker.id, -1);
    if (rank >= k.lead.length) return;
    // The members behind it move up one rank; the first one beyond the lead joins its end.
    k.lead.splice(rank, 1);
    if (k.members > k.lead.length) k.lead.push(memberAt(k, k.lead.length));
  } else {
    add(k, worker.id, 1);
    if (rank >= partitions) return;
    k.lead.splice(rank, 0, worker.id);
    if (k.lead.length > partitions) k.lead.pop();
  }
}
