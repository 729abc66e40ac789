/** Chooses what the stage shows: the sync checkout, the async one, or both side by side. */
import { selectViewMode } from '../store/selectors.ts';
import { useActions, useSim } from '../store/hooks.ts';
import type { ViewMode } from '../store/simulatorStore.ts';
import { useT } from '../i18n/react.tsx';

const OPTIONS: readonly { value: ViewMode; label: `mode.${ViewMode}` }[] = [
  { value: 'sync', label: 'mode.sync' },
  { value: 'async', label: 'mode.async' },
  { value: 'compare', label: 'mode.compare' },
];

export function ModePicker() {
  const viewMode = useSim(selectViewMode);
  const { setViewMode } = useActions();
  const t = useT();
  return (
    <fieldset className="mode-picker">
      <legend>{t('mode.legend')}</legend>
      {OPTIONS.map((option) => (
        <label key={option.value} className="segment">
          <input
            type="radio"
            name="view-mode"
            value={option.value}
            checked={viewMode === option.value}
            onChange={() => setViewMode(option.value)}
          />
          <span>{t(option.label)}</span>
        </label>
      ))}
    </fieldset>
  );
}
