/** The analysis panels' colours: the Okabe-Ito palette, which stays distinguishable under the
 * common colour-vision deficiencies. Light colours are only used as fills with a dark outline, so
 * shapes keep 3:1 contrast; text is always the surrounding text colour, never a palette colour. */
export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

/** A dark outline for light fills. */
export const OUTLINE = '#1b2a38';

/** What each part of the system is drawn in, wherever it appears. */
export const COLOURS = {
  server: OKABE_ITO.blue,
  queue: OKABE_ITO.orange,
  worker: OKABE_ITO.skyBlue,
  customer: OKABE_ITO.reddishPurple,
  ok: OKABE_ITO.bluishGreen,
  bad: OKABE_ITO.vermillion,
  waiting: OKABE_ITO.yellow,
} as const;

/** The p50, p95 and p99 markers differ by dash pattern as well as by label. */
export const PERCENTILE_MARKERS = [
  { key: 'p50', label: 'p50', dash: undefined },
  { key: 'p95', label: 'p95', dash: '6 3' },
  { key: 'p99', label: 'p99', dash: '2 3' },
] as const;

/** The page's surface colour, following the theme (for shapes that read as "empty"). Use it in
 * `style`, not in an SVG presentation attribute, which cannot read CSS variables. */
export const SURFACE = 'var(--surface, #ffffff)';
