/** How counts and the lanes' names read on screen (times: formatTime in src/analysis/format.ts). */

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

export const MODE_TITLE = { sync: 'Synchronous', async: 'Asynchronous' } as const;
