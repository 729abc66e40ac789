// @vitest-environment jsdom
// An order's timelines (OrderDetails and its waterfalls) on the email-outage lesson at 40 s, where
// order 47's sync email has failed and its async job is still retrying: labels true to the story,
// one time scale for both lanes, and Esc closing them and handing the focus back.
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { outageAt40s } from '../support/outageAt40s.tsx';

afterEach(cleanup);

/** Opens order 47's timelines from the sync customer's "Timeline of order #47" button, focused
 * first as a click would focus it in a browser. */
function openOrder47(): HTMLElement {
  const opener = screen.getAllByRole('button', { name: 'Timeline of order #47' })[0]!;
  opener.focus();
  fireEvent.click(opener);
  return opener;
}

const timelines = () => screen.getByRole('region', { name: /Order #47, both checkouts/ });
const laneSvg = (lane: 'Synchronous' | 'Asynchronous') =>
  screen.getByRole('img', { name: new RegExp(`^Order 47 timeline \\(${lane}\\)`) });

/** The width in px of a lane's bar for the row whose label starts with `step` (a label may be
 * drawn on two lines, so it is read whole). */
function bar(lane: 'Synchronous' | 'Asynchronous', step: string): number {
  const row = [...laneSvg(lane).querySelectorAll('g[data-row]')].find((g) =>
    g.querySelector('text')!.textContent!.startsWith(step),
  );
  expect(row, `${lane}: ${step}`).toBeDefined();
  return Number(row!.querySelector('rect')!.getAttribute('width'));
}

describe('the timelines of a sync order whose email failed', () => {
  it('say the email failed, never that it was sent', () => {
    outageAt40s();
    openOrder47();
    const sync = laneSvg('Synchronous');
    expect(sync).toHaveAccessibleName(
      /error page after 2\.55 s, the email failed and is never sent/,
    );
    const marks = [...sync.querySelectorAll('.an-mark text')].map((t) => t.textContent);
    expect(marks).toEqual(['error page 2.55 s', 'email failed 2.55 s']);
    expect(sync.textContent).not.toMatch(/email sent/);
    expect(within(sync as unknown as HTMLElement).getByText(/^Send email .*failed/)).toBeTruthy();
    // The async customer saw success; its email is still on its way, so no email mark yet.
    const async = laneSvg('Asynchronous');
    const asyncMarks = [...async.querySelectorAll('.an-mark text')].map((t) => t.textContent);
    expect(asyncMarks).toEqual(['success page 1.05 s']);
    expect(async).toHaveAccessibleName(/no email sent yet/);
  });

  it('draw both lanes on one scale: the same step is as many px long in each', () => {
    outageAt40s();
    openOrder47();
    const sync = laneSvg('Synchronous');
    const async = laneSvg('Asynchronous');
    expect(sync.getAttribute('viewBox')!.split(' ')[2]).toBe(
      async.getAttribute('viewBox')!.split(' ')[2],
    );
    // Charging the card takes 800 ms in both lanes; the email call 1,500 ms.
    const charge = bar('Synchronous', 'Charge card');
    expect(charge).toBeGreaterThan(10);
    expect(bar('Asynchronous', 'Charge card')).toBeCloseTo(charge, 6);
    const syncEmail = bar('Synchronous', 'Send email (customer waits)');
    expect(bar('Asynchronous', 'Email attempt 1')).toBeCloseTo(syncEmail, 6);
    expect(syncEmail / 1500).toBeCloseTo(charge / 800, 6);
    const lastTick = (svg: Element) =>
      [...svg.querySelectorAll('.an-axis g text')].at(-1)!.textContent;
    expect(lastTick(sync)).toBe(lastTick(async));
  });
});

describe('closing the timelines', () => {
  it('closes on Esc inside them and gives the focus back to the button that opened them', () => {
    outageAt40s();
    const opener = openOrder47();
    const heading = screen.getByRole('heading', { name: /Order #47, both checkouts/ });
    expect(heading).toHaveFocus();
    fireEvent.keyDown(heading, { key: 'Escape' });
    expect(screen.queryByRole('region', { name: /Order #47/ })).not.toBeInTheDocument();
    expect(opener).toHaveFocus();
  });

  it('closes on Esc with the focus elsewhere on the page, and with the close button', () => {
    outageAt40s();
    const opener = openOrder47();
    expect(timelines()).toBeInTheDocument();
    (document.activeElement as HTMLElement).blur();
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(screen.queryByRole('region', { name: /Order #47/ })).not.toBeInTheDocument();
    expect(opener).toHaveFocus();

    openOrder47();
    fireEvent.click(screen.getByRole('button', { name: 'Close the order’s timeline' }));
    expect(screen.queryByRole('region', { name: /Order #47/ })).not.toBeInTheDocument();
    expect(opener).toHaveFocus();
  });

  it('leaves Esc to a field that has the focus', () => {
    outageAt40s();
    openOrder47();
    const field = document.createElement('input');
    document.body.append(field);
    field.focus();
    fireEvent.keyDown(field, { key: 'Escape' });
    expect(timelines()).toBeInTheDocument();
    field.remove();
  });
});
