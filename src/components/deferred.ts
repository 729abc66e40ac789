/** A part of the page loaded after the first screen (its own chunk, not in the initial JavaScript
 * that check:bundle counts), which renders at once wherever it is already loaded: unlike
 * React.lazy, a component that reads a loaded module never suspends, so tests that load it first
 * see it at once, and a panel opened again never flashes "Loading…". */
import { useEffect, useState } from 'react';
import { afterFirstScreen } from './afterPaint.ts';

export interface Deferred<T> {
  /** Starts loading (once) and resolves with the module. */
  load(): Promise<T>;
  /** The module, if it has loaded. */
  current(): T | undefined;
}

export function deferred<T>(importer: () => Promise<T>): Deferred<T> {
  let promise: Promise<T> | undefined;
  let value: T | undefined;
  return {
    load() {
      promise ??= importer().then((module) => (value = module));
      return promise;
    },
    current: () => value,
  };
}

/** The module once it is loaded (starting the load if it has not started), or `undefined` while
 * it loads, or an Error saying it could not be loaded (a lost connection: reload the page). */
export function useDeferred<T>(part: Deferred<T>): T | Error | undefined {
  const [state, setState] = useState<{ value: T | Error | undefined }>(() => ({
    value: part.current(),
  }));
  useEffect(() => {
    if (state.value !== undefined) return;
    let live = true;
    const load = () =>
      part.load().then(
        (value) => live && setState({ value }),
        () => live && setState({ value: new Error('It could not be loaded: reload the page.') }),
      );
    const cancel = afterFirstScreen(load);
    return () => {
      live = false;
      cancel();
    };
  }, [part, state.value]);
  return state.value;
}
