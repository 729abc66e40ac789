// @vitest-environment jsdom
// The stage names an engine stop: the lane, the moment, the engine's reason and what to do.
import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../support/renderApp.tsx';

describe('the engine-stop notice', () => {
  it('is absent while the run goes on, and says the lane, moment and reason once it stops', () => {
    const t = renderApp();
    expect(screen.queryByRole('alert')).toBeNull();
    act(() => {
      t.store.setState({
        stopped: {
          mode: 'async',
          reason: 'events',
          atMs: 12_300,
          message:
            'the run stopped at 12.3 s: it used its budget of 100,000,000 events; shorten the duration',
        },
      });
    });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe(
      'The asynchronous run stopped at 12.3 s: it used its budget of 100,000,000 events; shorten the duration. Go back in time and change a setting, or reset, to run again.',
    );
  });
});
