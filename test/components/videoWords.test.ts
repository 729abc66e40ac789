// The words a video draws around the lesson's own (the title card's line, the clock, the caption's
// count, the lanes' names, the nodes' status lines) follow the page's language: they are made on
// the page from the catalog and carried in the job, so the video's Worker, which has no catalog,
// draws a Spanish video in Spanish. The frames are drawn on a context that records its text.
import { afterEach, describe, expect, it } from 'vitest';
import { FramePainter } from '../../src/components/export/video/drawFrame.ts';
import { fillWords } from '../../src/components/export/video/frameWords.ts';
import { videoWords } from '../../src/components/export/video/videoWords.ts';
import { paletteOf } from '../../src/components/export/video/palette.ts';
import { buildConfig } from '../../src/engine/index.ts';
import type { Translate } from '../../src/i18n/react.tsx';
import { setLocale, t as translate } from '../../src/i18n/runtime.ts';
import type { Locale } from '../../src/i18n/locales.ts';

/** The page's translator in `locale`, as the Export menu hands it to the job. */
async function translator(locale: Locale): Promise<Translate> {
  await setLocale(locale, { chosen: true });
  return Object.assign(
    (id: Parameters<typeof translate>[0], values?: Parameters<typeof translate>[1]) =>
      translate(id, values),
    { locale },
  );
}

/** A 2D context that keeps the text drawn on it and measures 10 units a character. */
function recordingContext(drawn: string[]): CanvasRenderingContext2D {
  const state: Record<string | symbol, unknown> = {};
  return new Proxy(state, {
    get(target, name) {
      if (name === 'fillText') return (text: string) => drawn.push(text);
      if (name === 'measureText') return (text: string) => ({ width: [...text].length * 10 });
      if (name in target) return target[name];
      return () => undefined;
    },
    set(target, name, value) {
      target[name] = value;
      return true;
    },
  }) as unknown as CanvasRenderingContext2D;
}

/** The text of a title card and of one moment (the lesson's own words, given here in Spanish, are
 * drawn as given): caption 2 of 3 at 12.345 s, played at ×2. */
function drawnFrames(t: Translate): string[] {
  const drawn: string[] = [];
  const painter = new FramePainter(
    recordingContext(drawn),
    1280,
    720,
    [],
    null,
    {
      title: 'Título',
      premise: 'Premisa.',
      tallies: [],
      words: videoWords(t, buildConfig().flow),
    },
    paletteOf('light'),
  );
  painter.drawTitle();
  painter.drawMoment([], {
    simMs: 12_345,
    caption: { text: 'Texto.', index: 1, of: 3 },
    focus: -1,
    speed: 2,
  });
  return drawn;
}

afterEach(async () => {
  await setLocale('en', { chosen: false });
});

describe("a video's own words", () => {
  it('read in English by default, as they always have', async () => {
    const drawn = drawnFrames(await translator('en'));
    expect(drawn).toEqual(
      expect.arrayContaining([
        'Sync vs Async · a lesson',
        '12.35 s',
        'simulated time ×2',
        'Caption 2 of 3',
      ]),
    );
  });

  it('read in Spanish in a Spanish video: the caption’s count, the clock and its label', async () => {
    const t = await translator('es');
    const drawn = drawnFrames(t);
    expect(drawn).toEqual(
      expect.arrayContaining([
        'Sync vs Async · una lección',
        '12,35 s',
        'tiempo simulado ×2',
        'Leyenda 2 de 3',
      ]),
    );
    expect(drawn.join(' ')).not.toMatch(/Caption|simulated|lesson\b/);
    const words = videoWords(t, buildConfig().flow);
    expect(words.lanes).toEqual({ sync: 'Modo síncrono: compra', async: 'Modo asíncrono: compra' });
    expect(fillWords(words.readyDelayed, { ready: 3, delayed: 1 })).toBe('3 listos · 1 retrasados');
  });

  it('read in Chinese in a Chinese video', async () => {
    const drawn = drawnFrames(await translator('zh-CN'));
    expect(drawn).toEqual(
      expect.arrayContaining(['Sync vs Async · 一节课', '12.35 秒', '模拟时间 ×2', '说明 2 / 3']),
    );
  });

  it('travel as plain data, so that the Worker can be sent them', async () => {
    const words = videoWords(await translator('es'), buildConfig().flow);
    expect(structuredClone(words)).toEqual(words);
    // A template keeps its places for the frame to fill, and fills only the places it names.
    expect(words.serverStatus).toBe('{busy}/{total} ocupados · {waiting} en espera');
    expect(fillWords('{n} de {of}', { n: 2 })).toBe('2 de {of}');
  });
});
