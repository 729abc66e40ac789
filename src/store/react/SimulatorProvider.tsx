/** Makes one simulator and one page store available to the components below it. The caller owns
 * their lifetime (main.tsx for the page, each test for itself). */
import type { ReactNode } from 'react';
import { SimulatorContext, type SimulatorHandles } from './hooks.ts';

export function SimulatorProvider({
  handles,
  children,
}: {
  handles: SimulatorHandles;
  children: ReactNode;
}) {
  return <SimulatorContext.Provider value={handles}>{children}</SimulatorContext.Provider>;
}
