/** The simulator's single-key shortcuts: what each key does, and which keypresses are ours. They
 * act only while focus is inside the simulator and never while typing (WCAG 2.1.4). */

export type Shortcut = 'togglePlay' | 'step' | 'help' | 'nextBeat' | 'previousBeat' | 'present';

export const SHORTCUTS: readonly { keys: readonly string[]; does: string }[] = [
  { keys: ['Space'], does: 'Play or pause' },
  { keys: ['.'], does: 'Step to the next event' },
  { keys: ['Page Down', '→'], does: 'Next caption of the lesson' },
  { keys: ['Page Up', '←'], does: 'Previous caption of the lesson' },
  { keys: ['P'], does: 'Presentation mode on or off' },
  { keys: ['Esc'], does: 'Leave presentation mode' },
  { keys: ['?'], does: 'List these shortcuts' },
];

const BY_KEY: Readonly<Record<string, Shortcut>> = {
  ' ': 'togglePlay',
  '.': 'step',
  '?': 'help',
  PageDown: 'nextBeat',
  ArrowRight: 'nextBeat',
  PageUp: 'previousBeat',
  ArrowLeft: 'previousBeat',
  p: 'present',
  P: 'present',
};

/** Elements that keep keys for themselves: fields, lists, dialogs, and (for Space) anything
 * clickable. */
function ownsKey(target: Element | null, key: string): boolean {
  if (!target) return false;
  const tag = target.tagName;
  if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA') return true;
  if (target instanceof HTMLElement && target.isContentEditable) return true;
  if (key === ' ' && (tag === 'BUTTON' || tag === 'SUMMARY' || tag === 'A')) return true;
  // A dialog is a world of its own: the simulation behind it does not take its keys.
  return target.closest('dialog, [role="slider"], [role="listbox"], [role="log"]') !== null;
}

export interface KeyPress {
  key: string;
  target: EventTarget | null;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

/** The shortcut a keypress asks for, or undefined when the key belongs to someone else. */
export function shortcutOf(press: KeyPress): Shortcut | undefined {
  if (press.altKey || press.ctrlKey || press.metaKey) return undefined;
  const shortcut = BY_KEY[press.key];
  if (!shortcut) return undefined;
  const target = press.target instanceof Element ? press.target : null;
  return ownsKey(target, press.key) ? undefined : shortcut;
}
