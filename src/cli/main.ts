/** `npm run simulate`: runs a preset scenario headless with the same engine as the app and prints
 * a table or one JSON object. Bad input exits with code 2 and one line saying what is allowed. */
import { findScenario, DEFAULT_SCENARIO_ID, SCENARIOS } from '../scenarios/index.ts';
import { SETTINGS } from '../engine/index.ts';
import { parseArgs, USAGE } from './args.ts';
import { runScenario } from './runScenario.ts';
import { SWEEP_USAGE, takeSweepFlags } from './sweep.ts';
import { reportsCsv, sweepJson, sweepTable } from './sweepOutput.ts';
import { formatTable } from './table.ts';

function settingsHelp(): string {
  return SETTINGS.map((s) => `  ${s.key.padEnd(24)} ${s.description}; ${s.allowed}`).join('\n');
}

function run(argv: readonly string[]): number {
  const taken = takeSweepFlags(argv);
  if (!taken.ok) {
    process.stderr.write(`simulate: ${taken.error}\n`);
    return 2;
  }
  const { sweep, csv } = taken.flags;
  const parsed = parseArgs(taken.flags.rest);
  if (!parsed.ok) {
    process.stderr.write(`simulate: ${parsed.error}\n`);
    return 2;
  }
  const o = parsed.options;
  if (o.command === 'help') {
    process.stdout.write(`${USAGE}\n${SWEEP_USAGE}\n\nSettings for --set:\n${settingsHelp()}\n`);
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
      `simulate: unknown scenario '${id}'; one of ${SCENARIOS.map((s) => s.id).join(', ')}\n`,
    );
    return 2;
  }
  if (csv && o.json) {
    process.stderr.write('simulate: --json and --csv cannot go together; pick one\n');
    return 2;
  }
  if (sweep) {
    if (sweep.key in o.settings) {
      process.stderr.write(`simulate: ${sweep.key} is both swept and set; pick one\n`);
      return 2;
    }
    const rows = sweep.values.map((value) => ({
      value,
      report: runScenario(scenario, o, { ...o.settings, [sweep.key]: value }),
    }));
    const out = csv
      ? reportsCsv(sweep.key, rows)
      : o.json
        ? `${sweepJson(sweep, rows)}\n`
        : `${sweepTable(sweep, rows)}\n`;
    process.stdout.write(out);
    return 0;
  }
  const r = runScenario(scenario, o);
  const out = csv
    ? reportsCsv(undefined, [{ value: '', report: r }])
    : o.json
      ? `${JSON.stringify(r)}\n`
      : `${formatTable(r)}\n`;
  process.stdout.write(out);
  return 0;
}

try {
  process.exitCode = run(process.argv.slice(2));
} catch (error) {
  // Inputs are validated above; anything else is our bug, reported in one line, not a trace.
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`simulate: internal error: ${message}\n`);
  process.exitCode = 1;
}
