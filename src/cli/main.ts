/** `npm run simulate`: runs a preset scenario headless with the same engine as the app and prints
 * a table or one JSON object. Bad input exits with code 2 and one line saying what is allowed. */
import { checkRunSize, clip, inertSettings, report, Simulation } from '../engine/index.ts';
import {
  findScenario,
  DEFAULT_SCENARIO_ID,
  SCENARIOS,
  scenarioChanges,
  scenarioConfig,
} from '../scenarios/index.ts';
import { SETTINGS } from '../engine/index.ts';
import { parseArgs, USAGE } from './args.ts';
import { formatTable } from './table.ts';

function settingsHelp(): string {
  return SETTINGS.map((s) => `  ${s.key.padEnd(24)} ${s.description}; ${s.allowed}`).join('\n');
}

function run(argv: readonly string[]): number {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`simulate: ${parsed.error}\n`);
    return 2;
  }
  const o = parsed.options;
  if (o.command === 'help') {
    process.stdout.write(`${USAGE}\n\nSettings for --set:\n${settingsHelp()}\n`);
    return 0;
  }
  if (o.command === 'list') {
    for (const s of SCENARIOS) process.stdout.write(`${s.id}\t${s.title}\n`);
    return 0;
  }
  const id = o.scenario ?? DEFAULT_SCENARIO_ID;
  const scenario = findScenario(id);
  if (!scenario) {
    process.stderr.write(
      `simulate: unknown scenario '${clip(id)}'; one of ${SCENARIOS.map((s) => s.id).join(', ')}\n`,
    );
    return 2;
  }
  const durationMs = (o.durationSec ?? scenario.durationSec) * 1000;
  const config = scenarioConfig(scenario, o.settings);
  const changes = scenarioChanges(scenario);
  const tooBig = checkRunSize(config, durationMs, changes);
  if (tooBig) {
    process.stderr.write(`simulate: ${tooBig}\n`);
    return 2;
  }
  const mode = o.mode ?? (scenario.mode === 'compare' ? 'sync' : scenario.mode);
  const changing = changes.map((c) => c.key);
  for (const warning of inertSettings(Object.keys(o.settings), config, mode, changing)) {
    process.stderr.write(`simulate: warning: ${warning}\n`);
  }
  const sim = new Simulation({
    config,
    mode,
    seed: o.seed ?? scenario.seed,
    durationMs,
    changes,
  });
  sim.runToSettle(durationMs + o.drainSec * 1000);
  const r = report(sim.state, scenario.id);
  process.stdout.write(o.json ? `${JSON.stringify(r)}\n` : `${formatTable(r)}\n`);
  if (r.stopped) {
    // The numbers above cover the run up to the stop; say why, and exit with a code of its own.
    process.stderr.write(`simulate: ${r.stopped.message}\n`);
    return 3;
  }
  return 0;
}

/** One line on stderr and exit code 1: what a user sees of a bug, never a stack trace. */
function internalError(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`simulate: internal error: ${message.split('\n')[0]}\n`);
  process.exit(1);
}

// A reader that stops early (`| head -1`, `| grep -q`) closes the pipe: the output is no longer
// wanted, which is not an error. Unix tools end quietly then, and so does this one.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  internalError(error);
});
process.on('uncaughtException', internalError);

try {
  process.exitCode = run(process.argv.slice(2));
} catch (error) {
  // Inputs are validated above; anything else is our bug, reported in one line, not a trace.
  internalError(error);
}
