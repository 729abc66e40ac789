// Free play's line names only what the page shows: an embed has no Controls button and no lesson
// picker, and shows the settings beside the stage only with controls=full.
import { describe, expect, it } from 'vitest';
import { freePlayLine } from '../../src/components/lessons/LessonPanel.tsx';

describe('free play’s line', () => {
  it('points to Controls and the lessons on the full page', () => {
    expect(freePlayLine('compare', false, true)).toBe(
      'Change any setting in Controls and watch both designs, or pick a lesson for a guided run.',
    );
  });

  it('names neither in an embed, and the settings only where they show', () => {
    for (const full of [true, false]) {
      const line = freePlayLine('compare', true, full);
      expect(line).not.toMatch(/Controls|lesson/);
      expect(line.includes('setting')).toBe(full);
    }
  });

  it('says one design where one lane shows', () => {
    expect(freePlayLine('sync', true, false)).toBe(
      'Watch the synchronous design handle the same orders.',
    );
    expect(freePlayLine('async', false, true)).toMatch(/watch the asynchronous design,/);
  });
});
