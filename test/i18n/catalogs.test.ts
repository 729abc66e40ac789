// The translators' check: every catalog has every message of the English one, no other, each
// parsing as ICU MessageFormat with the same arguments and only the plural categories its
// language has; the lessons' titles and the tallies' words in English are the ones the rest of
// the app (the command line, the captions) writes.
import { readdirSync } from 'node:fs';
import { parse, type PluralCategory, type Token } from '@messageformat/parser';
import { describe, expect, it } from 'vitest';
import { readCatalog } from '../../scripts/lib/catalogPlugin.mjs';
import {
  BROKER_NAMES,
  BROKERS,
  brokerFacts,
  FLOW_PRESET_IDS,
  FLOW_PRESETS,
  SETTINGS,
} from '../../src/engine/index.ts';
import {
  ADVANCED_CONTROLS,
  BROKER_CONTROL,
  brokerControls,
  EMAIL_CONTROLS,
  LATENCY_CONTROLS,
  LOAD_CONTROLS,
} from '../../src/components/controls/controlSpecs.ts';
import { DUAL_WRITE_CONTROLS } from '../../src/components/controls/dualWriteSpecs.ts';
import { UNIT_IDS } from '../../src/components/controls/localSpec.ts';
import { LANGUAGES } from '../../src/i18n/locales.ts';
import { t, setLocale } from '../../src/i18n/runtime.ts';
import { TALLY_KEYS, tallyText } from '../../src/lessons/tallies.ts';
import { LESSONS } from '../../src/scenarios/lessonIndex.ts';
import { LESSON_FLOWS } from '../../src/scenarios/lessonFlows.ts';

const DIR = new URL('../../src/i18n/catalogs/', import.meta.url);
const catalog = (locale: string) => readCatalog(DIR, locale).messages;
const english = catalog('en');

/** A message's arguments, by name, with the plural categories used, from its parse. */
function argumentsOf(tokens: readonly Token[], into = new Set<string>()): Set<string> {
  for (const token of tokens) {
    if (token.type === 'argument' || token.type === 'function') into.add(token.arg);
    if (token.type === 'plural' || token.type === 'select' || token.type === 'selectordinal') {
      into.add(token.arg);
      for (const c of token.cases) argumentsOf(c.tokens, into);
    }
  }
  return into;
}

/** The plural and select statements of a message, nested ones too. */
function choicesOf(tokens: readonly Token[]): Extract<Token, { cases: unknown }>[] {
  return tokens.flatMap((token) =>
    'cases' in token ? [token, ...token.cases.flatMap((c) => choicesOf(c.tokens))] : [],
  );
}

/** The plural categories a language has (Intl's CLDR rules), as the parser checks keys against. */
function categories(locale: string): PluralCategory[] {
  return new Intl.PluralRules(locale).resolvedOptions().pluralCategories as PluralCategory[];
}

describe('the catalogs', () => {
  it('are one file per language, each listed in LANGUAGES', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual(LANGUAGES.map((l) => `${l}.json`).sort());
  });

  for (const locale of LANGUAGES) {
    describe(locale, () => {
      const messages = catalog(locale);

      it('has every message of the English catalog and no other', () => {
        expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
      });

      it('gives each message the same arguments as the English one', () => {
        for (const [id, message] of Object.entries(messages)) {
          const mine = [...argumentsOf(parse(message))].sort();
          const theirs = [...argumentsOf(parse(english[id]!))].sort();
          expect({ id, args: mine }).toEqual({ id, args: theirs });
        }
      });

      it('uses only the plural categories the language has, and always "other"', () => {
        const cardinal = categories(locale);
        for (const [id, message] of Object.entries(messages)) {
          expect(() => parse(message, { cardinal }), id).not.toThrow();
          for (const choice of choicesOf(parse(message))) {
            expect(
              choice.cases.map((c) => c.key),
              id,
            ).toContain('other');
          }
        }
      });

      it('leaves no message empty or the same as its id', () => {
        for (const [id, message] of Object.entries(messages)) {
          expect(message.trim(), id).not.toBe('');
          expect(message, id).not.toBe(id);
        }
      });
    });
  }

  it('has a title for every lesson, the English one the lesson’s own', () => {
    for (const lesson of LESSONS) {
      expect(english[`lesson.${lesson.id}.title`]).toBe(lesson.title);
    }
  });

  it('names every preset flow', () => {
    for (const id of FLOW_PRESET_IDS) {
      expect(english[`flow.${id}`]?.toLowerCase()).toBe(FLOW_PRESETS[id]!().label.toLowerCase());
    }
  });

  it('words every setting of the engine’s registry, the English as the registry has it', () => {
    expect(SETTINGS.length).toBeGreaterThan(40);
    for (const setting of SETTINGS) {
      expect(english[`setting.${setting.key}.label`], setting.key).toBe(setting.label);
      expect(english[`setting.${setting.key}.help`], setting.key).toBe(setting.description);
    }
  });

  it('words every broker’s own settings and note, the English as the broker has them', () => {
    for (const broker of BROKERS) {
      const facts = brokerFacts(broker);
      for (const { key, control } of facts.settings) {
        if (!control) continue;
        const words = `broker.${broker}.${key}`;
        expect(english[`${words}.label`], words).toBe(control.label);
        expect(english[`${words}.help`], words).toBe(control.hint);
        expect(english[`${words}.real`], words).toBe(control.real);
      }
      expect(english[`broker.${broker}.note`]).toBe(facts.note);
    }
  });

  it('has the words, choices and unit of every control in the side panel', () => {
    const specs = [
      ...LATENCY_CONTROLS,
      ...EMAIL_CONTROLS,
      ...LOAD_CONTROLS,
      ...ADVANCED_CONTROLS,
      ...Object.values(DUAL_WRITE_CONTROLS),
      BROKER_CONTROL,
      ...BROKERS.flatMap((b) => brokerControls(b)),
    ];
    for (const spec of specs) {
      for (const id of [spec.labelId, spec.hintId, spec.realId]) {
        if (id !== undefined) expect(english[id], `${spec.key}: ${id}`).toBeDefined();
      }
      for (const option of spec.options ?? []) {
        if (option.labelId) expect(english[option.labelId], option.labelId).toBeDefined();
      }
      if (spec.unit && spec.unit !== '%') expect(UNIT_IDS[spec.unit], spec.unit).toBeDefined();
    }
  });

  it('names every preset flow’s steps, the English as the flow has them', () => {
    for (const id of FLOW_PRESET_IDS) {
      for (const step of FLOW_PRESETS[id]!().steps) {
        expect(english[`flowStep.${id}.${step.id}`], `${id}.${step.id}`).toBe(step.label);
      }
    }
  });

  it('names the lessons’ own flows and their steps, the English as the flow has them', () => {
    for (const [id, make] of Object.entries(LESSON_FLOWS)) {
      const flow = make();
      expect(english[`flow.${id}`]?.toLowerCase()).toBe(flow.label.toLowerCase());
      for (const step of flow.steps) {
        expect(english[`flowStep.${id}.${step.id}`], `${id}.${step.id}`).toBe(step.label);
      }
    }
  });

  it('names every broker as the engine does in English', () => {
    for (const broker of BROKERS)
      expect(english[`broker.${broker}.name`]).toBe(BROKER_NAMES[broker].label);
  });

  it('writes the tallies in English as the lessons and the command line do', () => {
    for (const key of TALLY_KEYS) {
      for (const count of [0, 1, 2, 1234]) {
        expect(t(`tally.${key}`, { count })).toBe(tallyText(key, count));
      }
    }
  });
});

describe('a message in another language', () => {
  it('follows that language’s plural rules and number format', async () => {
    await setLocale('es', { chosen: false });
    expect(t('tally.errorPages', { count: 1 })).toBe('1 página de error');
    expect(t('tally.errorPages', { count: 1234 })).toBe('1234 páginas de error');
    expect(t('tally.errorPages', { count: 12345 })).toBe('12.345 páginas de error');
    expect(t('playback.speedOption', { speed: 0.5 })).toBe('0,5×');
    await setLocale('zh-CN', { chosen: false });
    expect(t('tally.errorPages', { count: 1 })).toBe('1 个错误页面');
    await setLocale('en', { chosen: false });
    expect(t('tally.errorPages', { count: 1 })).toBe('1 error page');
  });
});
