/** The catalogs as the build gives them (scripts/lib/catalogPlugin.mjs): each message compiled
 * into a function of its arguments. */
declare module 'virtual:catalog/*' {
  const messages: Readonly<Record<string, (values?: Readonly<Record<string, unknown>>) => string>>;
  export default messages;
}
