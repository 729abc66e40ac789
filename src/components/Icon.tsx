/** Small line icons for buttons and badges, drawn in the current text colour. */
const PATHS = {
  play: 'M7 4.5v15l12-7.5z',
  pause: 'M7 4.5h3.5v15H7zM13.5 4.5H17v15h-3.5z',
  step: 'M5 4.5v15l10-7.5zM16.5 4.5H19v15h-2.5z',
  reset: 'M5 12a7 7 0 1 0 2.1-5M5 4v4h4',
  order: 'M4 5h2l2 10h10l2-7H7.2M9 19.5a1 1 0 1 0 0 .1M17 19.5a1 1 0 1 0 0 .1',
  spike: 'M3 17h4l3-11 4 14 3-8h4',
  check: 'M5 12.5l4.5 4.5L19 7.5',
  cross: 'M6.5 6.5l11 11M17.5 6.5l-11 11',
  mail: 'M3.5 6h17v12h-17zM3.5 6l8.5 7 8.5-7',
  close: 'M6.5 6.5l11 11M17.5 6.5l-11 11',
  panel: 'M4 5h16v14H4zM14 5v14M16.5 9h1.5M16.5 12h1.5',
  present: 'M3.5 4.5h17v11h-17zM12 15.5v4M8 19.5h8',
  link: 'M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1',
  globe:
    'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M3.5 9h17M3.5 15h17M12 3c-3 3.5-3 14.5 0 18M12 3c3 3.5 3 14.5 0 18',
  hourglass:
    'M7 3.5h10M7 20.5h10M8 3.5c0 5 8 5 8 8.5s-8 3.5-8 8.5M16 3.5c0 5-8 5-8 8.5s8 3.5 8 8.5',
} as const;

export type IconName = keyof typeof PATHS;

const FILLED: ReadonlySet<IconName> = new Set(['play', 'pause', 'step']);

export function Icon({ name, size = 18 }: { name: IconName; size?: number }) {
  const filled = FILLED.has(name);
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
      fill={filled ? 'currentColor' : 'none'}
      stroke={filled ? 'none' : 'currentColor'}
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
