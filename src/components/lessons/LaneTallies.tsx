/** A lane's tally of the outcomes its lesson is about, inside the lane on the stage: a line each,
 * counting up as they happen, with a small pop when a count changes (a CSS animation, which the
 * compositor runs: in a spike the counts change every frame, and animating them from script
 * restyled the lane each frame; reduced motion stops it). The numbers are the engine's report, as
 * in the outcome ledger. */
import { useMemo } from 'react';
import type { Mode } from '../../engine/index.ts';
import { lessonEntry } from '../../scenarios/index.ts';
import { talliesOf } from '../../lessons/tallies.ts';
import { selectScenarioId } from '../../lessons/selectors.ts';
import { useLaneReads, useSim } from '../../store/react/hooks.ts';
import { TokenGlyph } from '../diagram/TokenGlyph.tsx';
import { useT } from '../../i18n/react.tsx';
import { flowName } from '../flowWords.ts';
import type { MessageId } from '../../i18n/runtime.ts';
import { useLaneFlow } from '../useLaneFlow.ts';
import { usePage } from '../share/pageContext.ts';
import { useQuestionOpen } from './useQuestionOpen.ts';

export function LaneTallies({ mode }: { mode: Mode }) {
  // Refreshed with the analysis (a few times a second while playing, at once after a jump).
  const reads = useLaneReads();
  const scenarioId = useSim(selectScenarioId);
  const flow = useLaneFlow(mode);
  const t = useT();
  // The outcomes a lesson names would hint at its answer while the question is open: until then
  // only what has happened shows. An embed never asks (the instructor asks the room), so its
  // lanes show them from the start, and a zero that is the lesson's contrast ("0 error pages")
  // stays beside the other lane's count.
  const { embed } = usePage().page;
  const asking = useQuestionOpen(scenarioId ?? '') && !embed;
  const tallies = useMemo(() => {
    const named = (!asking && scenarioId && lessonEntry(scenarioId)?.tallies) || [];
    return talliesOf(reads.lane(mode).report('live'), named);
  }, [reads, mode, scenarioId, asking]);
  if (tallies.length === 0) return null;
  return (
    <ul className="tallies" aria-label={t('tallies.label', { mode, flow: flowName(t, flow) })}>
      {tallies.map((tally) => (
        <li key={tally.key} className={`tally${tally.good ? ' tally-good' : ' tally-bad'}`}>
          <TokenGlyph kind={tally.glyph} size={16} />
          {/* Keyed by the count, so each change mounts it anew and the pop plays again. */}
          <span
            key={tally.count}
            className={tally.count > 0 ? 'tally-text tally-pop' : 'tally-text'}
          >
            {t(`tally.${tally.key}` as MessageId, { count: tally.count })}
          </span>
        </li>
      ))}
    </ul>
  );
}
