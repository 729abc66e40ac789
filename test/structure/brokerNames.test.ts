/** No branch on a broker's name outside the broker presets: no file of src/ spells a broker's id
 * as a string but the presets (src/engine/queue/), the lessons (whose settings name a broker as
 * data) and the UI's one table of close-ups. Adding a broker then touches those alone. The check
 * is shown to catch each way of spelling an id on made-up code first, so that its silence on src/
 * means something. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { BROKERS } from '../../src/engine/index.ts';

const ALLOWED = [
  /^src\/engine\/queue\//,
  /^src\/scenarios\//,
  /^src\/components\/diagram\/closeup\/closeups\.tsx$/,
];

/** The broker ids `source` spells as a string (a literal, a quoted key, a template without
 * holes), with their lines. */
function brokerIdsIn(file: string, source: string): string[] {
  const ids = new Set<string>(BROKERS);
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) &&
      ids.has(node.text)
    ) {
      const { line } = sf.getLineAndCharacterOfPosition(node.getStart());
      found.push(`${file}:${line + 1}: '${node.text}'`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('the broker-name check', () => {
  it('catches a comparison, a case, a quoted key and a template', () => {
    const code = [
      "if (broker === 'kafka') draw();",
      "switch (b) { case 'rabbitmq': break; }",
      "const t = { 'sqs': 1 };",
      'const u = `redis`;',
    ].join('\n');
    expect(brokerIdsIn('src/x.ts', code)).toEqual([
      "src/x.ts:1: 'kafka'",
      "src/x.ts:2: 'rabbitmq'",
      "src/x.ts:3: 'sqs'",
      "src/x.ts:4: 'redis'",
    ]);
  });

  it('leaves words that merely contain an id, comments and field names alone', () => {
    const code = [
      "// the 'kafka' broker",
      "const words = 'Inside Kafka: the partitions of kafka';",
      'const n = s.kafka.partitions.length;',
    ].join('\n');
    expect(brokerIdsIn('src/x.ts', code)).toEqual([]);
  });
});

describe('src/', () => {
  it('spells a broker id only in the presets, the lessons and the close-up table', () => {
    const found: string[] = [];
    for (const entry of readdirSync('src', { recursive: true, encoding: 'utf8' })) {
      if (!/\.tsx?$/.test(entry)) continue;
      const file = path.posix.join('src', entry.split(path.sep).join('/'));
      if (ALLOWED.some((allowed) => allowed.test(file))) continue;
      found.push(...brokerIdsIn(file, readFileSync(file, 'utf8')));
    }
    expect(found).toEqual([]);
  });
});
