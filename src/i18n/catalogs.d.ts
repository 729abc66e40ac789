/** The catalogs as the build gives them (scripts/lib/catalogPlugin.mjs): each message compiled
 * into a function of its arguments. */
declare module 'virtual:catalog/*' {
  const messages: Readonly<Record<string, (values?: Readonly<Record<string, unknown>>) => string>>;
  export default messages;
}

/** The languages there are, one per catalog file (scripts/lib/catalogPlugin.mjs,
 * `languagesModule`): English first, each named in its own words, and how to load each catalog
 * but English (the pseudo-locale's too). */
declare module 'virtual:catalog/languages' {
  export const LANGUAGES: readonly string[];
  export const LANGUAGE_NAMES: Readonly<Record<string, string>>;
  export const PSEUDO_LOCALE: string;
  export const LOADERS: Readonly<
    Record<
      string,
      () => Promise<{
        default: Readonly<Record<string, (values?: Readonly<Record<string, unknown>>) => string>>;
      }>
    >
  >;
}
