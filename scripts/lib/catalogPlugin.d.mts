/** Types of catalogPlugin.mjs, for vite.config.ts and the catalog tests. */
import type { Plugin } from 'vite';
export const PSEUDO: string;
export function pseudoText(text: string): string;
export function pseudoMessage(message: string): string;
export function readCatalog(
  dir: URL,
  locale: string,
): { file: URL; messages: Record<string, string> };
export function compileCatalog(messages: Readonly<Record<string, string>>, locale: string): string;
export function catalogPlugin(dir: URL): Plugin;
export const NAME_ID: string;
export function catalogLocales(dir: URL): string[];
export function languagesModule(dir: URL): string;
export function englishPart(id: string): string | undefined;
