// @vitest-environment jsdom
// The notice about ignored link parameters: visible, dismissible, and text only.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PageContext } from '../../src/components/share/pageContext.ts';
import { NOTICE_LIST, UrlNotices } from '../../src/components/share/UrlNotices.tsx';
import { parseParams } from '../../src/url/parseParams.ts';

// The box loads only when a link has something to notice; loaded here, it renders at once.
await NOTICE_LIST.load();

afterEach(cleanup);

function renderNotices(search: string) {
  const { state, notices } = parseParams(search);
  return render(
    <PageContext.Provider value={{ page: state, notices }}>
      <UrlNotices />
    </PageContext.Provider>,
  );
}

describe('when the link has a bad parameter', () => {
  it('names it and its allowed values in a status, and can be dismissed', () => {
    renderNotices('?mode=fast');
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('Ignored mode=fast: one of compare, sync, async.');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(status).toBeEmptyDOMElement();
  });

  it('shows markup as text and injects no element', () => {
    const { container } = renderNotices(
      `?scenario=${encodeURIComponent('<img src=x onerror=alert(1)>')}`,
    );
    expect(screen.getByRole('status')).toHaveTextContent(
      'Ignored scenario=<img src=x onerror=alert(1)>',
    );
    expect(container.querySelector('img')).toBeNull();
  });
});
