/** Types of lessonPreload.mjs, for vite.config.ts and its tests. */
import type { Plugin } from 'vite';
export function lessonModules(source: string): { id: string; file: string }[];
export function preloadScript(
  lessons: Record<string, string[]>,
  shared: string[],
  first: string,
): string;
export function lessonPreload(options: { loader: string; scenarios: string }): Plugin;
