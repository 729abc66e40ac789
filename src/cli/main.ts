/** `npm run simulate`: runs a preset scenario headless with the same engine as the app and prints
 * a table or one JSON object. Bad input exits with code 2 and one line saying what is allowed. */
// Every broker registered: this runs any of them, with no first load to keep small.
import '../engine/queue/all.ts';
import { clip, SETTINGS, STEP_SETTINGS_HELP } from '../engine/index.ts';
import { DEFAULT_SCENARIO_ID } from '../scenarios/index.ts';
import { SCENARIOS } from '../scenarios/all.ts';
import { parseArgs, USAGE } from './args.ts';
import { loadFlow } from './flowArg.ts';
import { printable, printableLine } from './printable.ts';
import { planScenario } from './runScenario.ts';
import { SWEEP_USAGE, takeSweepFlags } from './sweep.ts';
import { reportsCsv, sweepJson, sweepTable } from './sweepOutput.ts';
import { formatTable } from './table.ts';

/** One line on stderr, `simulate: ` first, with nothing in it a terminal would obey. */
function say(message: string): void {
  process.stderr.write(`simulate: ${printableLine(message)}\n`);
}

/** Output on stdout, with nothing in it a terminal would obey. */
function print(text: string): void {
  process.stdout.write(printable(text));
}

function settingsHelp(): string {
  const each = SETTINGS.map((s) => `  ${s.key.padEnd(24)} ${s.description}; ${s.allowed}`);
  return [...each, `  ${STEP_SETTINGS_HELP}`].join('\n');
}

function run(argv: readonly string[]): number {
  const taken = takeSweepFlags(argv);
  if (!taken.ok) {
    say(taken.error);
    return 2;
  }
  const { sweep, csv } = taken.flags;
  const parsed = parseArgs(taken.flags.rest);
  if (!parsed.ok) {
    say(parsed.error);
    return 2;
  }
  const o = parsed.options;
  if (o.command === 'help') {
    print(`${USAGE}\n${SWEEP_USAGE}\n\nSettings for --set:\n${settingsHelp()}\n`);
    return 0;
  }
  if (o.command === 'list') {
    for (const s of SCENARIOS) print(`${s.id}\t${s.title}\n`);
    return 0;
  }
  const id = o.scenario ?? DEFAULT_SCENARIO_ID;
  const scenario = SCENARIOS.find((s) => s.id === id);
  if (!scenario) {
    say(`unknown scenario '${clip(id)}'; one of ${SCENARIOS.map((s) => s.id).join(', ')}`);
    return 2;
  }
  const flow = o.flow === undefined ? undefined : loadFlow(o.flow);
  if (typeof flow === 'string') {
    say(flow);
    return 2;
  }
  if (csv && o.json) {
    say('--json and --csv cannot go together; pick one');
    return 2;
  }
  if (sweep && sweep.key in o.settings) {
    say(`${sweep.key} is both swept and set; pick one`);
    return 2;
  }
  // Every run is planned before any runs: one too big to hold is refused with code 2.
  const variants = sweep
    ? sweep.values.map((value) => ({ value, settings: { ...o.settings, [sweep.key]: value } }))
    : [{ value: '', settings: o.settings }];
  const plans = [];
  for (const variant of variants) {
    const plan = planScenario(scenario, o, variant.settings, flow);
    if (plan.refused !== undefined) {
      const which = sweep ? ` (${sweep.key}=${clip(String(variant.value))})` : '';
      say(`${plan.refused}${which}`);
      return 2;
    }
    plans.push({ value: variant.value, plan });
  }
  for (const warning of plans[0]?.plan.warnings ?? []) {
    say(`warning: ${warning}`);
  }
  const rows = plans.map(({ value, plan }) => ({ value, report: plan.run() }));
  if (sweep) {
    const out = csv
      ? reportsCsv(sweep.key, rows)
      : o.json
        ? `${sweepJson(sweep, rows)}\n`
        : `${sweepTable(sweep, rows)}\n`;
    print(out);
  } else {
    const r = rows[0]!.report;
    const out = csv
      ? reportsCsv(undefined, rows)
      : o.json
        ? `${JSON.stringify(r)}\n`
        : `${formatTable(r)}\n`;
    print(out);
  }
  // The numbers above cover each run up to its stop; say why, and exit with a code of its own.
  const stopped = rows.filter((row) => row.report.stopped);
  for (const row of stopped) say(row.report.stopped!.message);
  if (stopped.length > 0) return 3;
  return 0;
}

/** One line on stderr and exit code 1: what a user sees of a bug, never a stack trace. */
function internalError(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  say(`internal error: ${message.split('\n')[0]}`);
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
