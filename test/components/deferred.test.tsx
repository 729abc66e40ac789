// @vitest-environment jsdom
// A part loaded after the first screen says it is loading, then renders; once loaded it renders
// at once; a part that cannot load says so instead of "Loading…" for ever.
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { deferred, useDeferred, type Deferred } from '../../src/components/deferred.ts';

afterEach(cleanup);

function Part({ part }: { part: Deferred<{ text: string }> }) {
  const module = useDeferred(part);
  if (module instanceof Error) return <p>{module.message}</p>;
  return <p>{module ? module.text : 'Loading…'}</p>;
}

describe('a deferred part of the page', () => {
  it('shows Loading until its module arrives, then the module, and loads it once', async () => {
    let calls = 0;
    let resolve!: (m: { text: string }) => void;
    const part = deferred(() => {
      calls += 1;
      return new Promise<{ text: string }>((r) => (resolve = r));
    });
    render(<Part part={part} />);
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    await act(async () => resolve({ text: 'the controls' }));
    expect(screen.getByText('the controls')).toBeInTheDocument();
    cleanup();
    render(<Part part={part} />);
    // Already loaded: no Loading… at all, and no second import.
    expect(screen.getByText('the controls')).toBeInTheDocument();
    expect(calls).toBe(1);
  });

  it('says it could not be loaded when its import fails', async () => {
    const part = deferred<{ text: string }>(() => Promise.reject(new Error('network')));
    render(<Part part={part} />);
    await act(async () => {});
    expect(screen.getByText(/could not be loaded: reload the page/)).toBeInTheDocument();
  });
});
