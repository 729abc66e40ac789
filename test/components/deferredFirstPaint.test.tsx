// @vitest-environment jsdom
// On the page, a part that mounts in the first render starts loading only after that render has
// been painted, so that its bytes do not compete with the first screen's; the page's first screen
// is not waiting for it. (Its own file: the hold is the page's, for the whole page.)
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
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
  it('waits for the first screen and the next paint before it loads, then loads at once', async () => {
    holdPartsForFirstPaint();
    let calls = 0;
    const part = deferred(async () => {
      calls += 1;
      return { text: 'the summary' };
    });
    render(<Part part={part} />);
    await act(painted);
    // Painted, but the page has not marked its first screen (it marks it as it mounts what sits
    // below the stage): still held.
    expect(calls).toBe(0);
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    markFirstScreenPainted();
    expect(calls).toBe(0);
    await act(painted);
    await act(async () => {});
    expect(calls).toBe(1);
    expect(screen.getByText('the summary')).toBeInTheDocument();

    // After the first screen, a part opened later loads at once, without waiting for a frame.
    cleanup();
    let later = 0;
    const opened = deferred(async () => {
      later += 1;
      return { text: 'the dialog' };
    });
    render(<Part part={opened} />);
    expect(later).toBe(1);
  });

  it('drops held work whose part left before the first screen', async () => {
    vi.resetModules();
    const fresh = await import('../../src/components/afterPaint.ts');
    fresh.holdPartsForFirstPaint();
    const ran: string[] = [];
    const cancel = fresh.afterFirstScreen(() => ran.push('left'));
    fresh.afterFirstScreen(() => ran.push('stayed'));
    cancel();
    fresh.markFirstScreenPainted();
    expect(ran).toEqual([]);
    await painted();
    expect(ran).toEqual(['stayed']);
  });
});
