/** Chooses the colour theme: light, dark, or projector (strong contrast for a beamer). */
import { useId } from 'react';
import { useT } from '../../i18n/react.tsx';
import type { MessageId } from '../../i18n/runtime.ts';
import { selectTheme } from '../../lessons/selectors.ts';
import { useHandles, usePageState } from '../../store/react/hooks.ts';
import { THEMES, type Theme } from '../../store/pageStore.ts';

const LABELS: Readonly<Record<Theme, MessageId>> = {
  light: 'theme.light',
  dark: 'theme.dark',
  projector: 'theme.projector',
};

export function ThemePicker() {
  const theme = usePageState(selectTheme);
  const { page } = useHandles();
  const id = useId();
  const t = useT();
  return (
    <div className="theme-picker">
      <label htmlFor={id}>{t('theme.label')}</label>
      <select
        id={id}
        value={theme}
        onChange={(e) => page.getState().setTheme(e.target.value as Theme)}
      >
        {THEMES.map((theme) => (
          <option key={theme} value={theme}>
            {t(LABELS[theme])}
          </option>
        ))}
      </select>
    </div>
  );
}
