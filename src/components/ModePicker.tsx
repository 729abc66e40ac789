/** Chooses what the stage shows: the sync checkout, the async one, or both side by side. */
import { selectViewMode } from '../store/selectors.ts';
import { useActions, useSim } from '../store/hooks.ts';
import type { ViewMode } from '../store/simulatorStore.ts';

const OPTIONS: readonly { value: ViewMode; label: string }[] = [
  { value: 'sync', label: 'Sync' },
  { value: 'async', label: 'Async' },
  { value: 'compare', label: 'Compare' },
];

export function ModePicker() {
  const viewMode = useSim(selectViewMode);
  const { setViewMode } = useActions();
  return (
    <fieldset className="mode-picker">
      <legend>Mode</legend>
      {OPTIONS.map((option) => (
        <label key={option.value} className="segment">
          <input
            type="radio"
            name="view-mode"
            value={option.value}
            checked={viewMode === option.value}
            onChange={() => setViewMode(option.value)}
          />
          <span>{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
