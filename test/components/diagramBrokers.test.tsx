// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { PartitionView, SettingValue, SystemView } from '../../src/engine/index.ts';
import {
  MAX_PARTITION_ROWS,
  brokerSummary,
  droppedText,
  heldBadge,
  heldTotalText,
  moreText,
  partitionLayout,
  queueTitle,
  queueTitleText,
  sameSummary,
  shownPartitions,
  workerSlot,
} from '../../src/components/diagram/brokerLayout.ts';
import { DiagramSvg } from '../../src/components/diagram/DiagramSvg.tsx';
import { DroppedBadge } from '../../src/components/diagram/DroppedBadge.tsx';
import { WIDE } from '../../src/components/diagram/layouts.ts';
import { english as en } from '../support/translate.ts';

const NODES = WIDE.nodes;
import { SimulatorProvider } from '../../src/store/react/SimulatorProvider.tsx';
import { systemView } from '../support/systemView.ts';
import { testSimulator } from '../support/simulator.ts';

afterEach(cleanup);

function partition(id: number, lag = 0, blocked = false): PartitionView {
  return { id, owner: id % 4, lag, waiting: lag, blocked };
}

function partitions(n: number, blocked: readonly number[] = []): PartitionView[] {
  return Array.from({ length: n }, (_, i) => partition(i, i + 1, blocked.includes(i)));
}

function worker(id: number, prefetched: number, state: SystemView['workers'][number]['state']) {
  return {
    id,
    state,
    order: -1,
    message: -1,
    since: 0,
    until: 0,
    ok: true,
    prefetched,
    receives: 1,
    step: '',
  };
}

describe("the queue node's title", () => {
  it('names each broker, and says what Kafka calls its queue and how many partitions it has', () => {
    expect(queueTitleText(en, queueTitle(en, 'ideal', 0))).toBe('Queue · ideal');
    expect(queueTitleText(en, queueTitle(en, 'sqs', 0))).toBe('Queue · SQS');
    expect(queueTitleText(en, queueTitle(en, 'rabbitmq', 0))).toBe('Queue · RabbitMQ');
    expect(queueTitleText(en, queueTitle(en, 'kafka', 4))).toBe('Topic · Kafka (4 partitions)');
    expect(queueTitleText(en, queueTitle(en, 'kafka', 1))).toBe('Topic · Kafka (1 partition)');
    expect(queueTitleText(en, queueTitle(en, 'redis', 0))).toBe('Stream · Redis');
  });
});

describe("Kafka's partition rows", () => {
  it('show every partition when there are eight or fewer', () => {
    expect(shownPartitions(partitions(8)).map((p) => p.id)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const layout = partitionLayout(en, partitions(4), NODES.queue);
    expect(layout.rows.map((r) => r.label)).toEqual(['P0', 'P1', 'P2', 'P3']);
    expect(layout.more).toBe(0);
  });

  it('keep the last row for "+N more" beyond eight, showing the lowest ids', () => {
    const layout = partitionLayout(en, partitions(12), NODES.queue);
    expect(layout.rows.map((r) => r.id)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(layout.rows.length + 1).toBe(MAX_PARTITION_ROWS);
    expect(layout.more).toBe(5);
    expect(moreText(en, layout.more, layout.moreBlocked)).toBe('+5 more');
  });

  it('never hide a blocked partition behind "+N more" while there is a row for it', () => {
    const layout = partitionLayout(en, partitions(12, [10, 11]), NODES.queue);
    expect(layout.rows.map((r) => r.id)).toEqual([0, 1, 2, 3, 4, 10, 11]);
    expect(layout.moreBlocked).toBe(0);
  });

  it('count the blocked ones among the hidden when more are blocked than there are rows', () => {
    const layout = partitionLayout(en, partitions(10, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), NODES.queue);
    expect(layout.rows).toHaveLength(7);
    expect(layout.rows.every((r) => r.blocked)).toBe(true);
    expect(moreText(en, layout.more, layout.moreBlocked)).toBe('+3 more, 3 blocked');
  });

  it('stand in one column up to four, fifteen units apart, inside the queue node', () => {
    const { rows } = partitionLayout(en, partitions(4), NODES.queue);
    expect(new Set(rows.map((r) => r.x)).size).toBe(1);
    expect(rows.map((r) => r.y - rows[0]!.y)).toEqual([0, 15, 30, 45]);
    const q = NODES.queue;
    for (const r of rows) {
      expect(r.x).toBeGreaterThanOrEqual(q.x);
      expect(r.x + r.w).toBeLessThanOrEqual(q.x + q.w);
      expect(r.y).toBeLessThanOrEqual(q.y + q.h - 4);
      expect(r.y).toBeGreaterThan(q.y + 30);
    }
  });

  it('share two columns from five to eight, all inside the queue node', () => {
    const { rows } = partitionLayout(en, partitions(6), NODES.queue);
    expect(new Set(rows.map((r) => r.x)).size).toBe(2);
    const q = NODES.queue;
    for (const r of rows) {
      expect(r.x + r.w).toBeLessThanOrEqual(q.x + q.w);
      expect(r.y).toBeLessThanOrEqual(q.y + q.h - 4);
    }
  });

  it('draw each lag as a bar against the longest, with ten records as the shortest scale', () => {
    const long = partitionLayout(
      en,
      [partition(0, 20), partition(1, 10), partition(2, 0)],
      NODES.queue,
    ).rows;
    expect(long[0]!.bar).toBeCloseTo(long[0]!.barMax, 6);
    expect(long[1]!.bar).toBeCloseTo(long[0]!.barMax / 2, 6);
    expect(long[2]!.bar).toBe(0);
    const short = partitionLayout(en, [partition(0, 5), partition(1, 0)], NODES.queue).rows;
    expect(short[0]!.bar).toBeCloseTo(short[0]!.barMax / 2, 6);
  });

  it('mark a blocked partition in words, with no bar, for the eye and the screen reader', () => {
    const [row] = partitionLayout(en, [partition(3, 7, true)], NODES.queue).rows;
    expect(row!.bar).toBe(0);
    expect(row!.description).toBe('Partition 3: 7 behind, blocked');
    expect(partitionLayout(en, [partition(2, 4)], NODES.queue).rows[0]!.description).toBe(
      'Partition 2: 4 behind',
    );
  });
});

describe('the broker summary the overlays redraw from', () => {
  it('keeps the held messages of the drawn workers and sums them over all of them', () => {
    const view = systemView({
      broker: 'rabbitmq',
      workers: [worker(0, 2, 'busy'), worker(1, 9, 'retired'), worker(2, 3, 'idle')],
      dropped: 4,
    });
    const summary = brokerSummary(view);
    expect(summary.prefetched).toEqual([2, 3]);
    expect(summary.held).toBe(14);
    expect(summary.dropped).toBe(4);
  });

  it('counts as changed when a lag or a blocked flag changes, and not otherwise', () => {
    const a = brokerSummary(systemView({ broker: 'kafka', partitions: partitions(3) }));
    const same = brokerSummary(systemView({ broker: 'kafka', partitions: partitions(3) }));
    const blocked = brokerSummary(systemView({ broker: 'kafka', partitions: partitions(3, [1]) }));
    const lag = brokerSummary(
      systemView({ broker: 'kafka', partitions: [...partitions(2), partition(2, 9)] }),
    );
    expect(sameSummary(a, same)).toBe(true);
    expect(sameSummary(a, blocked)).toBe(false);
    expect(sameSummary(a, lag)).toBe(false);
  });
});

describe("RabbitMQ's held badges and the dropped counter", () => {
  it('say how many a worker holds, capped so the badge stays small', () => {
    expect(heldBadge(3)).toBe('+3');
    expect(heldBadge(99)).toBe('+99');
    expect(heldBadge(150)).toBe('99+');
    expect(heldTotalText(en, 1234)).toBe('+1,234 held');
    expect(droppedText(en, 3)).toBe('3 dropped');
  });

  it('keep the usual worker grid for other brokers and spread RabbitMQ workers out', () => {
    expect(workerSlot(6, 10, false)).toEqual({ x: 29, y: 57 });
    expect(workerSlot(10, 10, false)).toBeNull();
    expect(workerSlot(3, 4, true)).toEqual({ x: 94, y: 54 });
    expect(workerSlot(5, 8, true)).toEqual({ x: 35, y: 64 });
    expect(workerSlot(8, 8, true)).toBeNull();
  });

  it('show the dropped badge only once something was dropped', () => {
    const { container, rerender } = render(
      <svg>
        <DroppedBadge dropped={0} at={WIDE.droppedAt} />
      </svg>,
    );
    expect(container.querySelector('.dropped')).toBeNull();
    rerender(
      <svg>
        <DroppedBadge dropped={3} at={WIDE.droppedAt} />
      </svg>,
    );
    expect(container.querySelector('.dropped text')?.textContent).toBe('3 dropped');
  });
});

function renderDiagram(settings: Record<string, SettingValue>) {
  const t = testSimulator({ settings, lanesShown: 'async' });
  const utils = render(
    <SimulatorProvider handles={t.handles}>
      <DiagramSvg mode="async" detail="full" layout={WIDE} />
    </SimulatorProvider>,
  );
  return { ...t, ...utils };
}

describe('the async diagram', () => {
  it('titles the queue node with the broker it follows', () => {
    const { container } = renderDiagram({ 'queue.broker': 'redis' });
    const title = container.querySelector('.node-status .node-title');
    expect(title?.getAttribute('aria-label')).toBe('Stream · Redis');
    expect(container.querySelector('.broker-tag text')?.textContent).toBe('Redis');
  });

  it('keeps the ready and retry areas for SQS', () => {
    renderDiagram({});
    expect(screen.getByText('ready 0')).toBeInTheDocument();
    expect(screen.getByText('retry 0')).toBeInTheDocument();
  });

  it("shows Kafka's partitions, and their lag once orders come in", async () => {
    const { container, store, clock } = renderDiagram({
      'queue.broker': 'kafka',
      'traffic.pattern': 'steady',
      'traffic.rate': 20,
    });
    expect(container.querySelector('.broker-tag text')?.textContent).toBe('Kafka · 4 partitions');
    // The rows are a chunk of their own, loaded with Kafka's first run.
    expect(await screen.findByRole('img', { name: 'Partition 0: 0 behind' })).toBeInTheDocument();
    expect(screen.queryByText('ready 0')).toBeNull();
    act(() => {
      store.getState().play();
      clock.advance(3000);
    });
    const rows = screen.getAllByRole('img', { name: /^Partition \d: / });
    expect(rows).toHaveLength(4);
    const lags = rows.map((r) => Number(/: (\d+) behind/.exec(r.getAttribute('aria-label')!)![1]));
    expect(lags.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });
});
