/** `npm run conformance`: starts real Redis and RabbitMQ, replays each trace of traces.json through
 * a real client and through the model, and prints one line per trace (`redis crash-before-ack:
 * same`, or the first difference), then `conformance: N traces on M brokers, K differ`. Exits 1
 * when K > 0, 2 when the brokers cannot be started. */
import { readFileSync } from 'node:fs';
import { runModel, type ModelSpec } from './model.ts';
import { runRabbit, runRedis, type QueueSpec, type Step } from './real.ts';
import { startServers, type Servers } from './servers.ts';

interface Trace {
  broker: 'redis' | 'rabbitmq';
  name: string;
  model: ModelSpec;
  queue?: QueueSpec;
  steps: Step[];
}

const { traces } = JSON.parse(readFileSync(new URL('./traces.json', import.meta.url), 'utf8')) as {
  traces: Trace[];
};

/** The first place two event lists part, in words; undefined when they agree. */
function firstDifference(real: readonly string[], model: readonly string[]): string | undefined {
  for (let i = 0; i < Math.max(real.length, model.length); i++) {
    if (real[i] !== model[i]) {
      return `event ${i + 1}: the broker says '${real[i] ?? 'nothing more'}', the model '${model[i] ?? 'nothing more'}'`;
    }
  }
  return undefined;
}

let servers: Servers | undefined;
process.on('SIGINT', () => {
  void (servers?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
});

try {
  servers = await startServers();
} catch (error) {
  process.stderr.write(`conformance: could not start the brokers: ${(error as Error).message}\n`);
  process.exit(2);
}
process.stdout.write(
  `conformance: Redis ${servers.redisVersion} on port ${servers.redisPort}, RabbitMQ ${servers.rabbitVersion} on port ${servers.amqpPort}\n`,
);
let differ = 0;
try {
  for (const trace of traces) {
    const model = runModel(trace.broker, trace.model);
    let real: string[];
    try {
      real =
        trace.broker === 'redis'
          ? await runRedis(servers.redisPort, trace.name, trace.steps)
          : await runRabbit(servers.amqpPort, trace.name, trace.queue!, trace.steps);
    } catch (error) {
      differ++;
      process.stdout.write(
        `${trace.broker} ${trace.name}: the real run failed: ${(error as Error).message}\n`,
      );
      continue;
    }
    const difference = firstDifference(real, model);
    if (difference) differ++;
    process.stdout.write(`${trace.broker} ${trace.name}: ${difference ?? 'same'}\n`);
    if (process.env.CONFORMANCE_VERBOSE) {
      process.stdout.write(`  broker: ${real.join(' | ')}\n  model:  ${model.join(' | ')}\n`);
    }
  }
} finally {
  await servers.stop();
}
const brokers = new Set(traces.map((t) => t.broker)).size;
process.stdout.write(
  `conformance: ${traces.length} traces on ${brokers} brokers, ${differ} differ\n`,
);
process.exit(differ > 0 ? 1 : 0);
