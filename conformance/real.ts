/** A conformance trace run through the real brokers with real clients (ioredis for Redis Streams,
 * amqplib for RabbitMQ): the steps do what the model's workers do, and the brokers answer with
 * deliveries, claims, dead letters and their own delivery counters, recorded as events. */
import { connect, type Channel, type ChannelModel, type ConsumeMessage } from 'amqplib';
import { Redis } from 'ioredis';

export type Step =
  | { publish: number[] }
  | { read: string }
  | { claim: string; minIdle: number; maxReceives?: number }
  | { consume: string; prefetch: number }
  | { await: number }
  | { ack: number; by: string }
  | { reject: number; by: string }
  | { crash: string }
  | { deadLetters: number }
  | { dropped: number }
  | { sleep: number };

export interface QueueSpec {
  deliveryLimit: number;
  deadLetter: boolean;
}

/** Slack added to every sleep, so that an entry idle for `minIdle` really is by the claim. */
const SLACK_MS = 25;
const AWAIT_MS = 5000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Redis Streams: one stream and consumer group per trace, a dead-letter stream beside it. */
export async function runRedis(
  port: number,
  name: string,
  steps: readonly Step[],
): Promise<string[]> {
  const redis = new Redis({ port, host: '127.0.0.1', lazyConnect: true });
  await redis.connect();
  const stream = `s:${name}`;
  const dead = `dl:${name}`;
  const events: string[] = [];
  const bodyOf = new Map<string, number>();
  const idOf = new Map<number, string>();
  const timesDelivered = async (id: string): Promise<number> => {
    const pending = (await redis.xpending(stream, 'g', id, id, 1)) as [
      string,
      string,
      number,
      number,
    ][];
    return Number(pending[0]?.[3] ?? 0);
  };
  try {
    await redis.xgroup('CREATE', stream, 'g', '0', 'MKSTREAM');
    for (const step of steps) {
      if ('publish' in step) {
        for (const body of step.publish) {
          const id = (await redis.xadd(stream, '*', 'body', String(body)))!;
          bodyOf.set(id, body);
          idOf.set(body, id);
        }
      } else if ('read' in step) {
        const reply = (await redis.xreadgroup(
          'GROUP',
          'g',
          step.read,
          'COUNT',
          1,
          'STREAMS',
          stream,
          '>',
        )) as [string, [string, string[]][]][] | null;
        for (const [id] of reply?.[0]?.[1] ?? []) {
          events.push(`deliver ${bodyOf.get(id)} to ${step.read} (${await timesDelivered(id)})`);
        }
      } else if ('claim' in step) {
        if (step.maxReceives !== undefined) {
          // The application's dead-letter rule, as the model's: an entry idle past minIdle that
          // has been delivered maxReceives times goes to the dead-letter stream.
          const idle = (await redis.xpending(stream, 'g', 'IDLE', step.minIdle, '-', '+', 10)) as [
            string,
            string,
            number,
            number,
          ][];
          let moved = false;
          for (const [id, , , deliveries] of idle) {
            if (Number(deliveries) >= step.maxReceives) {
              await redis.xadd(dead, '*', 'body', String(bodyOf.get(id)));
              await redis.xack(stream, 'g', id);
              events.push(`dead ${bodyOf.get(id)}`);
              moved = true;
            }
          }
          if (moved) continue;
        }
        const [, claimed] = (await redis.xautoclaim(
          stream,
          'g',
          step.claim,
          step.minIdle,
          '0-0',
          'COUNT',
          1,
        )) as [string, [string, string[]][]];
        for (const [id] of claimed) {
          events.push(`deliver ${bodyOf.get(id)} to ${step.claim} (${await timesDelivered(id)})`);
        }
      } else if ('ack' in step) {
        // XACK names the entry: 1 if it was still pending, 0 if someone acked it already.
        const acked = await redis.xack(stream, 'g', idOf.get(step.ack)!);
        events.push(`${acked === 1 ? 'ack' : 'stale-ack'} ${step.ack} by ${step.by}`);
      } else if ('sleep' in step) {
        await sleep(step.sleep + SLACK_MS);
      } else {
        throw new Error(`redis traces cannot ${Object.keys(step)[0]}`);
      }
    }
  } finally {
    await redis.del(stream, dead);
    redis.disconnect();
  }
  return events;
}

interface Consumer {
  connection: ChannelModel;
  channel: Channel;
}

/** RabbitMQ: one quorum queue per trace with the trace's delivery limit, and a dead-letter queue
 * behind the default exchange when it has one; each consumer on its own connection, so that a
 * crash closes that consumer's channel and nothing else. */
export async function runRabbit(
  port: number,
  name: string,
  queue: QueueSpec,
  steps: readonly Step[],
): Promise<string[]> {
  const url = `amqp://guest:guest@127.0.0.1:${port}`;
  const admin = await connect(url);
  const publisher = await admin.createConfirmChannel();
  const q = `q.${name}`;
  const dlq = `dlq.${name}`;
  await publisher.assertQueue(dlq, { durable: true });
  await publisher.assertQueue(q, {
    durable: true,
    arguments: {
      'x-queue-type': 'quorum',
      'x-delivery-limit': queue.deliveryLimit,
      ...(queue.deadLetter
        ? { 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': dlq }
        : {}),
    },
  });
  const events: string[] = [];
  const consumers = new Map<string, Consumer>();
  const held = new Map<number, { consumer: string; message: ConsumeMessage }>();
  let deliveries = 0;
  let awaited = 0;
  const waitFor = async (count: number, what: string) => {
    const until = Date.now() + AWAIT_MS;
    while (deliveries < count) {
      if (Date.now() > until) throw new Error(`no ${what} within ${AWAIT_MS / 1000} s`);
      await sleep(5);
    }
  };
  try {
    for (const step of steps) {
      if ('consume' in step) {
        const connection = await connect(url);
        const channel = await connection.createChannel();
        await channel.prefetch(step.prefetch);
        const tag = step.consume;
        await channel.consume(q, (message) => {
          if (!message) return;
          const body = Number(message.content.toString());
          const count = Number(message.properties.headers?.['x-delivery-count'] ?? 0);
          held.set(body, { consumer: tag, message });
          events.push(`deliver ${body} to ${tag} (${count})`);
          deliveries++;
        });
        consumers.set(tag, { connection, channel });
      } else if ('publish' in step) {
        for (const body of step.publish)
          publisher.sendToQueue(q, Buffer.from(String(body)), { persistent: true });
        await publisher.waitForConfirms();
      } else if ('await' in step) {
        awaited += step.await;
        await waitFor(awaited, `delivery (${awaited} in all)`);
      } else if ('ack' in step || 'reject' in step) {
        const body = 'ack' in step ? step.ack : step.reject;
        const entry = held.get(body);
        if (!entry || entry.consumer !== step.by)
          throw new Error(`${step.by} holds no message ${body}`);
        const { channel } = consumers.get(step.by)!;
        held.delete(body);
        if ('ack' in step) {
          channel.ack(entry.message);
          events.push(`ack ${body} by ${step.by}`);
        } else channel.reject(entry.message, true);
      } else if ('crash' in step) {
        const consumer = consumers.get(step.crash)!;
        consumers.delete(step.crash);
        await consumer.connection.close();
      } else if ('deadLetters' in step) {
        const until = Date.now() + AWAIT_MS;
        for (;;) {
          const message = await publisher.get(dlq, { noAck: true });
          if (message) {
            events.push(`dead ${Number(message.content.toString())}`);
            break;
          }
          if (Date.now() > until) throw new Error('nothing reached the dead-letter queue');
          await sleep(10);
        }
      } else if ('dropped' in step) {
        // Dropped: neither delivered again nor dead-lettered, and gone from the queue.
        const before = deliveries;
        await sleep(300);
        const main = await publisher.checkQueue(q);
        const dead = await publisher.checkQueue(dlq);
        if (deliveries === before && main.messageCount === 0 && dead.messageCount === 0) {
          events.push(`drop ${step.dropped}`);
        }
      } else if ('sleep' in step) {
        await sleep(step.sleep + SLACK_MS);
      } else {
        throw new Error(`rabbitmq traces cannot ${Object.keys(step)[0]}`);
      }
    }
    // Anything delivered after the last step would be a difference too.
    await sleep(100);
  } finally {
    for (const { connection } of consumers.values()) await connection.close().catch(() => {});
    await publisher.deleteQueue(q).catch(() => {});
    await publisher.deleteQueue(dlq).catch(() => {});
    await admin.close().catch(() => {});
  }
  return events;
}
