/** How times and counts read on screen: seconds with units, never NaN. */

/** "2.55 s" under a minute, "1:05.3" beyond; "–" for a value that is not a time. */
export function formatSeconds(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '–';
  if (ms < 10_000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = (ms - minutes * 60_000) / 1000;
  return `${minutes}:${seconds.toFixed(1).padStart(4, '0')}`;
}

/** The same, as words for aria-valuetext. */
export function spokenSeconds(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return 'no time';
  return `${(ms / 1000).toFixed(2)} seconds`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

export const MODE_TITLE = { sync: 'Synchronous', async: 'Asynchronous' } as const;
