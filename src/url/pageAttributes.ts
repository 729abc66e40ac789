/** The root element's data attributes that the embed stylesheet keys on: embedding, which
 * controls show, which panels show, reduced motion. */
import type { ControlsLevel, UrlState } from './urlState.ts';

/** Which controls the page shows: the link's `controls`, else basic in an embed, full otherwise. */
export function controlsShown(page: Pick<UrlState, 'controls' | 'embed'>): ControlsLevel {
  return page.controls ?? (page.embed ? 'basic' : 'full');
}

export function pageAttributes(page: UrlState, framed: boolean): Record<string, string> {
  const attrs: Record<string, string> = {};
  if (page.embed) attrs['data-embed'] = '1';
  if (framed) attrs['data-framed'] = '1';
  attrs['data-controls'] = controlsShown(page);
  if (page.panels !== null) attrs['data-panels'] = page.panels.join(' ') || 'none';
  if (page.reducedMotion) attrs['data-motion'] = 'reduce';
  return attrs;
}

export function applyPageAttributes(root: HTMLElement, page: UrlState, framed: boolean): void {
  for (const [name, value] of Object.entries(pageAttributes(page, framed))) {
    root.setAttribute(name, value);
  }
}
