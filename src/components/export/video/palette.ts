/** A video frame's colours in each of the page's themes, so a video made from a dark or
 * projector page looks like that page: the stage's colours (styles/themes.css, tokens.ts) on the
 * canvas. Light is the colours the first videos had. */
import type { TokenTheme } from '../../diagram/tokens.ts';

export type VideoTheme = TokenTheme;
export const VIDEO_THEMES: readonly VideoTheme[] = ['light', 'dark', 'projector'];

export interface FramePalette {
  tokens: TokenTheme;
  /** Behind everything, and the diagram's panel and its border. */
  ground: string;
  panel: string;
  panelLine: string;
  edge: string;
  node: string;
  nodeLine: string;
  /** Text: titles, then status lines and notes. */
  ink: string;
  muted: string;
  down: string;
  downFill: string;
  good: string;
  bad: string;
  /** The caption band and the title card: its ground, its small label, its words, the premise. */
  band: string;
  bandLabel: string;
  bandText: string;
  premise: string;
}

const LIGHT: FramePalette = {
  tokens: 'light',
  ground: '#eef2f7',
  panel: '#ffffff',
  panelLine: '#d5dce5',
  edge: '#8a98a8',
  node: '#f7f9fc',
  nodeLine: '#5b6b7f',
  ink: '#1d2733',
  muted: '#3d4b5c',
  down: '#b42318',
  downFill: '#fdecea',
  good: '#12633a',
  bad: '#a0251b',
  band: '#0f2a4a',
  bandLabel: '#9cc3ef',
  bandText: '#ffffff',
  premise: '#dce8f6',
};

export const PALETTES: Record<VideoTheme, FramePalette> = {
  light: LIGHT,
  // Near-black on white with darker lines, for a beamer in a lit room.
  projector: {
    ...LIGHT,
    tokens: 'projector',
    ground: '#ffffff',
    panelLine: '#5b6b7f',
    edge: '#3d4b5c',
    nodeLine: '#1d2733',
    ink: '#000000',
    muted: '#1d2733',
  },
  dark: {
    tokens: 'dark',
    ground: '#0f141b',
    panel: '#18202a',
    panelLine: '#313c4a',
    edge: '#6b7889',
    node: '#222c38',
    nodeLine: '#7a889b',
    ink: '#eef2f7',
    muted: '#bcc6d3',
    down: '#ff9a66',
    downFill: '#33241c',
    good: '#4cc9a0',
    bad: '#ff9a66',
    band: '#1f3550',
    bandLabel: '#a3cbf7',
    bandText: '#e8edf4',
    premise: '#cfdcec',
  },
};

/** The palette of a theme's name, light for anything else. */
export function paletteOf(theme: string | null | undefined): FramePalette {
  return (VIDEO_THEMES as readonly string[]).includes(theme ?? '')
    ? PALETTES[theme as VideoTheme]
    : LIGHT;
}
