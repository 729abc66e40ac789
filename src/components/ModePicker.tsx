/** Chooses what the stage shows: the sync checkout, the async one, or both side by side. */
import { selectLanesShown } from '../store/react/selectors.ts';
import { useActions, useSim } from '../store/react/hooks.ts';
import type { LanesShown } from '../store/simulatorStore.ts';

const OPTIONS: readonly { value: LanesShown; label: string }[] = [
  { value: 'sync', label: 'Sync' },
  { value: 'async', label: 'Async' },
  { value: 'compare', label: 'Compare' },
];

export function ModePicker() {
  const lanesShown = useSim(selectLanesShown);
  const { setLanesShown } = useActions();
  return (
    <fieldset className="mode-picker">
      <legend>Mode</legend>
      {OPTIONS.map((option) => (
        <label key={option.value} className="segment">
          <input
            type="radio"
            name="view-mode"
            value={option.value}
            checked={lanesShown === option.value}
            onChange={() => setLanesShown(option.value)}
          />
          <span>{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
