// @vitest-environment jsdom
// The export picker's chart names come from the charts' own titles, whether a chart sits in a
// figure or in a panel section, never "Chart 1".
import { describe, expect, it } from 'vitest';
import { chartsOnPage } from '../../src/export/index.ts';

describe('chartsOnPage', () => {
  it('names a chart in a figure, one in a lane of a figure, and one in a panel section', () => {
    document.body.innerHTML = `
      <figure><figcaption><span class="an-title">Messages waiting in the queue</span></figcaption>
        <div class="an-lane"><p class="an-lane-label">Synchronous</p><svg class="an-svg"></svg></div>
      </figure>
      <section class="an-panel"><h3 class="an-title">Workers and handlers: Asynchronous</h3>
        <p>Workers: 2 busy</p><svg class="an-svg"></svg>
      </section>
      <section class="an-panel"><h3 class="an-title">Order 3 timeline (Synchronous)</h3>
        <svg class="an-svg"></svg>
      </section>`;
    expect(chartsOnPage().map((c) => c.title)).toEqual([
      'Messages waiting in the queue (Synchronous)',
      'Workers and handlers: Asynchronous',
      'Order 3 timeline (Synchronous)',
    ]);
  });
});
