// @vitest-environment jsdom
// framer-motion loaded after the first screen (components/motion/): what showed before it came
// is plain and stays the same element, untouched, when it comes; what mounts after enters with
// framer-motion's animation, which under reduced motion fades but does not move. The order of the
// tests matters: motion is loaded once per file, in the second.
import { act, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { loadMotion } from '../../src/components/motion/loadMotion.ts';
import { MotionIn } from '../../src/components/motion/MotionIn.tsx';
import { SimulatorProvider } from '../../src/store/react/SimulatorProvider.tsx';
import { testSimulator } from '../support/simulator.ts';

/** A caption that slides in, as the lesson's does, but slowly: the middle of its animation lasts
 * long enough to be looked at. */
function Caption({ n }: { n: number }) {
  return (
    <MotionIn
      key={n}
      as="p"
      className="caption"
      initial={{ opacity: 0, y: 6 }}
      animate={{ opacity: 1, y: 0 }}
      transition={{ duration: 20 }}
    >
      {`Caption ${n}`}
    </MotionIn>
  );
}

function renderCaption(n: number, reducedMotion = false) {
  const t = testSimulator({});
  t.handles.page.getState().setReducedMotion(reducedMotion);
  const ui = (k: number) => (
    <SimulatorProvider handles={t.handles}>
      <Caption n={k} />
    </SimulatorProvider>
  );
  const { rerender } = render(ui(n));
  return { next: (k: number) => rerender(ui(k)) };
}

/** Waits until the animation has started (the element is no longer fully transparent). */
async function started(el: HTMLElement) {
  await waitFor(() => expect(Number(el.style.opacity)).toBeGreaterThan(0));
}

describe('an element that enters with framer-motion', () => {
  it('is plain before motion has loaded: its element and class, with no style to hide it', () => {
    renderCaption(1);
    const el = screen.getByText('Caption 1');
    expect(el.tagName).toBe('P');
    expect(el).toHaveClass('caption');
    expect(el.getAttribute('style')).toBeNull();
  });

  it('stays the same, untouched element when motion comes, and the next one enters', async () => {
    const { next } = renderCaption(1);
    const first = screen.getByText('Caption 1');
    await act(() => loadMotion());
    expect(screen.getByText('Caption 1')).toBe(first);
    expect(first.getAttribute('style')).toBeNull();
    next(2);
    const second = screen.getByText('Caption 2');
    // Mounted at framer-motion's initial values: transparent, 6 px lower.
    expect(second.style.opacity).toBe('0');
    expect(second.style.transform).toContain('translateY(6px)');
    await started(second);
    expect(Number(second.style.opacity)).toBeLessThan(1);
    expect(second.style.transform).toMatch(/translateY\((?!0px)[\d.]+px\)/);
  });

  it('under reduced motion fades in without moving', async () => {
    const { next } = renderCaption(1, true);
    next(2);
    const el = screen.getByText('Caption 2');
    await started(el);
    expect(Number(el.style.opacity)).toBeLessThan(1);
    expect(el.style.transform).toBe('none');
  });
});
