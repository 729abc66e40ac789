/** Chooses the colour theme: light, dark, or projector (strong contrast for a beamer). */
import { useId } from 'react';
import { selectTheme } from '../../lessons/selectors.ts';
import { useHandles, usePageState } from '../../store/react/hooks.ts';
import { THEMES, type Theme } from '../../store/pageStore.ts';

const LABELS: Readonly<Record<Theme, string>> = {
  light: 'Light',
  dark: 'Dark',
  projector: 'Projector',
};

export function ThemePicker() {
  const theme = usePageState(selectTheme);
  const { page } = useHandles();
  const id = useId();
  return (
    <div className="theme-picker">
      <label htmlFor={id}>Theme</label>
      <select
        id={id}
        value={theme}
        onChange={(e) => page.getState().setTheme(e.target.value as Theme)}
      >
        {THEMES.map((t) => (
          <option key={t} value={t}>
            {LABELS[t]}
          </option>
        ))}
      </select>
    </div>
  );
}
