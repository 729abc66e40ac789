/** Starts real redis-server and rabbitmq-server for the conformance run: as the current user, on
 * free loopback ports, with their data in a temporary directory and no system service, and stops
 * them (and the epmd daemon RabbitMQ leaves behind) by process id at the end. Installs Debian's
 * packages with apt-get when they are missing, as .ci/run does for Chromium. */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const REDIS_SERVER = '/usr/bin/redis-server';
/** Debian's /usr/sbin/rabbitmq-server switches to the rabbitmq user when run as root; the script
 * underneath runs as whoever starts it. */
const RABBITMQ_SERVER = '/usr/lib/rabbitmq/bin/rabbitmq-server';

export interface Servers {
  redisPort: number;
  amqpPort: number;
  rabbitVersion: string;
  redisVersion: string;
  stop(): Promise<void>;
}

/** Sends SIGTERM and resolves when the process has exited (SIGKILL after 20 s). */
function exit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** apt-get install the packages whose binaries are missing (needs root, as in CI). */
export function ensureInstalled(): void {
  const missing = [
    [REDIS_SERVER, 'redis-server'],
    [RABBITMQ_SERVER, 'rabbitmq-server'],
  ].filter(([path]) => !existsSync(path!));
  if (missing.length === 0) return;
  const names = missing.map(([, pkg]) => pkg!);
  process.stdout.write(`conformance: installing ${names.join(', ')} with apt-get\n`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...names], {
    stdio: 'inherit',
    env,
  });
}

/** A port nobody listens on now, from the kernel. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once something accepts connections on the port, or rejects after `timeoutMs`. */
async function waitForPort(port: number, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = new Socket();
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
      socket.connect(port, '127.0.0.1');
    });
    if (open) return;
    if (Date.now() > until)
      throw new Error(`${what} did not listen on port ${port} in ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Process ids of running epmd daemons, read from /proc. */
function epmdPids(): Set<number> {
  const pids = new Set<number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'epmd') pids.add(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

function version(command: string, args: string[], pattern: RegExp): string {
  try {
    const out = execFileSync(command, args, { encoding: 'utf8' });
    return pattern.exec(out)?.[1] ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export async function startServers(): Promise<Servers> {
  ensureInstalled();
  const dir = mkdtempSync(join(tmpdir(), 'conformance-'));
  const [redisPort, amqpPort, distPort, epmdPort] = await Promise.all([
    freePort(),
    freePort(),
    freePort(),
    freePort(),
  ]);
  const children: ChildProcess[] = [];
  const epmdBefore = epmdPids();
  /** Stops the servers, waits for them to exit (RabbitMQ writes on its way out), then stops the
   * epmd daemons that were not running before, and removes the data. */
  const stop = async () => {
    await Promise.all(children.map((child) => exit(child)));
    for (const pid of epmdPids()) {
      if (!epmdBefore.has(pid)) {
        try {
          process.kill(pid, 'SIGTERM');
        } catch {
          // Already gone.
        }
      }
    }
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  };
  try {
    const redis = spawn(
      REDIS_SERVER,
      [
        '--port',
        String(redisPort),
        '--bind',
        '127.0.0.1',
        '--dir',
        dir,
        '--save',
        '',
        '--appendonly',
        'no',
      ],
      { stdio: 'ignore' },
    );
    children.push(redis);
    writeFileSync(join(dir, 'enabled_plugins'), '[].\n');
    const nodename = `conformance${process.pid}@localhost`;
    const rabbit = spawn(RABBITMQ_SERVER, [], {
      stdio: 'ignore',
      env: {
        ...process.env,
        HOME: dir,
        RABBITMQ_MNESIA_BASE: join(dir, 'mnesia'),
        RABBITMQ_LOG_BASE: join(dir, 'log'),
        RABBITMQ_NODE_PORT: String(amqpPort),
        RABBITMQ_NODE_IP_ADDRESS: '127.0.0.1',
        RABBITMQ_DIST_PORT: String(distPort),
        RABBITMQ_NODENAME: nodename,
        RABBITMQ_ENABLED_PLUGINS_FILE: join(dir, 'enabled_plugins'),
        ERL_EPMD_PORT: String(epmdPort),
      },
    });
    children.push(rabbit);
    await waitForPort(redisPort, 10_000, 'redis-server');
    await waitForPort(amqpPort, 90_000, 'rabbitmq-server');
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    redisPort,
    amqpPort,
    redisVersion: version(REDIS_SERVER, ['--version'], /v=(\S+)/),
    rabbitVersion: version('dpkg-query', ['-W', '-f=${Version}', 'rabbitmq-server'], /^(.+)$/),
    stop,
  };
}
