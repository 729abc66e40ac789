// @vitest-environment jsdom
// Once the first screen is painted, a click on the order's timeline or on Embed is answered by a
// light frame (the card saying the timelines open; the dialog, busy, its fields not yet written),
// and the heavy part fills it after that frame, with what it would have shown at once. (The flag is the page's, for the whole
// file: every test here runs as after the first screen.)
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { markFirstScreenPainted } from '../../src/components/afterPaint.ts';
import { outageAt40s } from '../support/outageAt40s.tsx';

afterEach(cleanup);
markFirstScreenPainted();

describe("an order's timelines opened by a click", () => {
  it('say they are opening in the first frame, then show both lanes', async () => {
    outageAt40s();
    fireEvent.click(screen.getAllByRole('button', { name: 'Timeline of order #47' })[0]!);
    const opening = screen.getByText('Opening the timelines of order #47…');
    expect(opening.closest('section')).toHaveAttribute('aria-busy', 'true');
    expect(screen.queryByRole('region', { name: /Order #47, both checkouts/ })).toBeNull();
    // The machine may be busy: the frame and the drawing can take seconds in a test run.
    const region = await screen.findByRole(
      'region',
      { name: /Order #47, both checkouts/ },
      { timeout: 15_000 },
    );
    expect(within(region).getAllByRole('img', { name: /^Order 47 timeline/ })).toHaveLength(2);
    expect(screen.queryByText('Opening the timelines of order #47…')).toBeNull();
  });
});

describe('the Embed dialog opened by a click', () => {
  it('opens busy, then fills its links with the moment of the click', async () => {
    const t = outageAt40s();
    fireEvent.click(screen.getByRole('button', { name: 'Embed' }));
    const dialog = document.querySelector<HTMLDialogElement>('dialog.embed-dialog')!;
    expect(dialog.open).toBe(true);
    expect(dialog).toHaveAttribute('aria-busy', 'true');
    const snippet = within(dialog).getByRole('textbox', { name: /Iframe/ }) as HTMLTextAreaElement;
    const link = within(dialog).getByRole('textbox', { name: 'Link' }) as HTMLInputElement;
    expect(snippet.value).toBe('');
    expect(link.value).toBe('');
    // The moment the dialog offers is the click's, even if the run moves on before the links are
    // written.
    within(dialog).getByRole('checkbox', { name: /Start at this moment \(40\.0 s\)/ });
    act(() => t.store.getState().seek(20_000));
    await waitFor(() => expect(dialog).not.toHaveAttribute('aria-busy'), { timeout: 15_000 });
    expect(snippet.value).toMatch(/^<iframe src="http[^"]+embed=1/);
    expect(snippet.value).toMatch(/title="Sync vs Async: The email service goes down"/);
    expect(link.value).toMatch(/scenario=email-outage/);
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /Start at this moment/ }));
    expect(link.value).toMatch(/[?&]t=40(&|$)/);
  });
});
