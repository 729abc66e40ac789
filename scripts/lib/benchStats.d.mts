/** Types of benchStats.mjs, for the unit test that checks it. */
export type Better = 'higher' | 'lower';
export function median(values: readonly (number | null)[]): number;
export function quantile(values: readonly (number | null)[], q: number): number;
export function summarize(
  values: readonly (number | null)[],
  options?: { better?: Better },
): { median: number; worst: number; runs: number; missing: number };
export function meets(value: number, bar: number, options?: { better?: Better }): boolean;
export function line(
  label: string,
  values: readonly (number | null)[],
  options: { bar?: number; unit?: string; better?: Better; digits?: number; width?: number },
): string;
