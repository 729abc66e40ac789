/** Chooses what the stage shows: the sync checkout, the async one, or both side by side. */
import { selectLanesShown } from '../store/react/selectors.ts';
import { useActions, useSim } from '../store/react/hooks.ts';
import type { LanesShown } from '../store/simulatorStore.ts';
import { useT } from '../i18n/react.tsx';

const OPTIONS: readonly { value: LanesShown; label: `mode.${LanesShown}` }[] = [
  { value: 'sync', label: 'mode.sync' },
  { value: 'async', label: 'mode.async' },
  { value: 'compare', label: 'mode.compare' },
];

export function ModePicker() {
  const lanesShown = useSim(selectLanesShown);
  const { setLanesShown } = useActions();
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
            checked={lanesShown === option.value}
            onChange={() => setLanesShown(option.value)}
          />
          <span>{t(option.label)}</span>
        </label>
      ))}
    </fieldset>
  );
}
