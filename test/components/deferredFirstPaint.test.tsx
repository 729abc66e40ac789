// @vitest-environment jsdom
// On the page, a part that mounts in the first render starts loading only after that render has
// been painted, so that its bytes do not compete with the first screen's; the page's first screen
// is not waiting for it. (Its own file: the hold is the page's, for the whole page.)
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { holdPartsForFirstPaint, markFirstScreenPainted } from '../../src/components/afterPaint.ts';
import { deferred, useDeferred, type Deferred } from '../../src/components/deferred.ts';

afterEach(cleanup);

function Part({ part }: { part: Deferred<{ text: string }> }) {
  const module = useDeferred(part);
  if (module instanceof Error) return <p>{module.message}</p>;
  return <p>{module ? module.text : 'Loading…'}</p>;
}

const painted = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

describe('a deferred part in the first render of the page', () => {
  it('waits for the first paint before it loads, then loads at once once the screen is painted', async () => {
    holdPartsForFirstPaint();
    let calls = 0;
    const part = deferred(async () => {
      calls += 1;
      return { text: 'the summary' };
    });
    render(<Part part={part} />);
    await act(async () => {});
    expect(calls).toBe(0);
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    await act(painted);
    await act(async () => {});
    expect(calls).toBe(1);
    expect(screen.getByText('the summary')).toBeInTheDocument();

    // After the first screen, a part opened later loads at once, without waiting for a frame.
    markFirstScreenPainted();
    cleanup();
    let later = 0;
    const opened = deferred(async () => {
      later += 1;
      return { text: 'the dialog' };
    });
    render(<Part part={opened} />);
    expect(later).toBe(1);
  });
});
