/** Whether the loaded lesson is about designing the flow (`design` in its scenario): its side panel
 * then opens when it loads, with the Design section at the top. Kept out of the deferred controls,
 * since the panel needs it before they load. */
import { useEffect } from 'react';
import { lessonEntry } from '../../scenarios/index.ts';
import { useHandles, useSim } from '../../store/react/hooks.ts';
import { PANEL_FLOATS_QUERY } from '../../store/pageStore.ts';

export function useDesignFirst(): boolean {
  return useSim((s) => s.scenarioId !== null && lessonEntry(s.scenarioId)?.design === true);
}

/** Opens the side panel when a design lesson loads, except in an embed (its host decides what
 * shows) and where the panel would float over the stage (701-1099 px wide, stage.css). */
export function useLessonDesignPanel(): void {
  const { page } = useHandles();
  const scenarioId = useSim((s) => s.scenarioId);
  useEffect(() => {
    if (scenarioId === null || lessonEntry(scenarioId)?.design !== true) return;
    if (document.documentElement.hasAttribute('data-embed')) return;
    if (window.matchMedia?.(PANEL_FLOATS_QUERY).matches) return;
    page.getState().setPanelOpen(true);
  }, [scenarioId, page]);
}
