/** The "Lesson handout" action: opens the current lesson's printable handout (`?handout=<id>`)
 * in a new tab. Only the link lives in the first screen's bundle; the handout loads on demand. */
import { lessonEntry } from '../../scenarios/index.ts';
import { selectScenarioId } from '../../lessons/selectors.ts';
import { useSim } from '../../store/react/hooks.ts';
import { handoutLink } from '../../url/handoutParam.ts';
import { pageBase } from '../share/links.ts';
import { useT } from '../../i18n/react.tsx';

export function HandoutLink() {
  const t = useT();
  const scenarioId = useSim(selectScenarioId);
  const scenario = scenarioId === null ? undefined : lessonEntry(scenarioId);
  if (!scenario) return null;
  return (
    <div className="export-handout" role="group" aria-label={t('handout.forInstructor')}>
      <a
        className="button"
        href={handoutLink(pageBase(window.location), scenario.id)}
        target="_blank"
        rel="noopener"
      >
        {t('handout.linkButton')}
      </a>
      <span className="hint">{t('handout.linkHint')}</span>
    </div>
  );
}
