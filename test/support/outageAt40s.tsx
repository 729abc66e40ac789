/** The email-outage lesson rendered whole and sought to 40 s, where order 47's sync email has
 * failed and its async job is still retrying: the timelines' tests start there. */
import { act } from '@testing-library/react';
import { renderApp } from './renderApp.tsx';

export function outageAt40s() {
  const t = renderApp();
  act(() => {
    t.store.getState().loadScenario('email-outage');
    t.store.setState({ furthestMs: 40_000 });
    t.store.getState().seek(40_000);
  });
  return t;
}
