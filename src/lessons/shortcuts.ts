/** The simulator's single-key shortcuts: what each key does, and which keypresses are ours. The
 * page is the simulator, so they act from the moment it loads (focus on the page itself), but
 * never while typing, on a slider or a list, or in a dialog (WCAG 2.1.4). */

import type { MessageId } from '../i18n/runtime.ts';

export type Shortcut =
  'togglePlay' | 'step' | 'help' | 'nextBeat' | 'previousBeat' | 'present' | 'blank';

/** Each shortcut's keys as their caps read, and what it does (a message id). */
export const SHORTCUTS: readonly { keys: readonly string[]; does: MessageId }[] = [
  { keys: ['Space'], does: 'lessonUi.shortcuts.togglePlay' },
  { keys: ['.'], does: 'lessonUi.shortcuts.step' },
  { keys: ['Page Down', '→', '↓'], does: 'lessonUi.shortcuts.nextBeat' },
  { keys: ['Page Up', '←', '↑'], does: 'lessonUi.shortcuts.previousBeat' },
  { keys: ['P'], does: 'lessonUi.shortcuts.present' },
  { keys: ['B'], does: 'lessonUi.shortcuts.blank' },
  { keys: ['Esc'], does: 'lessonUi.shortcuts.leave' },
  { keys: ['?'], does: 'lessonUi.shortcuts.help' },
];

/** The keys whose caps carry a word, read as a keyboard in the language on labels them ("Av Pág",
 * "空格键"); the others (letters, symbols, "Esc") read the same in every language. */
export const KEY_NAMES: Readonly<Record<string, MessageId>> = {
  Space: 'lessonUi.shortcuts.space',
  'Page Down': 'lessonUi.shortcuts.pageDown',
  'Page Up': 'lessonUi.shortcuts.pageUp',
};

/** The keys a presenter's clicker sends (next and previous as Page Down/Up or the arrows), with
 * Space, P and B as presentation software has them. */
const BY_KEY: Readonly<Record<string, Shortcut>> = {
  ' ': 'togglePlay',
  '.': 'step',
  '?': 'help',
  PageDown: 'nextBeat',
  ArrowRight: 'nextBeat',
  ArrowDown: 'nextBeat',
  PageUp: 'previousBeat',
  ArrowLeft: 'previousBeat',
  ArrowUp: 'previousBeat',
  p: 'present',
  P: 'present',
  b: 'blank',
  B: 'blank',
};

/** Inputs that are pressed like buttons rather than typed into. */
const PRESSED_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'color', 'file']);

/** Elements that keep keys for themselves: fields, sliders, lists, dialogs; and a button, link or
 * check box that the keyboard brought the focus to keeps Space and the arrows (Space presses it,
 * arrows move through radio buttons). One that a click focused (`clicked`) does not: a presenter
 * who clicked Play goes on with the clicker. (`:focus-visible` cannot tell: Chromium turns it on
 * for the focused element at the very key press being read.) */
function ownsKey(target: Element | null, key: string, clicked: EventTarget | null): boolean {
  if (!target) return false;
  const tag = target.tagName;
  if (tag === 'SELECT' || tag === 'TEXTAREA') return true;
  if (target instanceof HTMLElement && target.isContentEditable) return true;
  // A dialog is a world of its own: the simulation behind it does not take its keys.
  if (target.closest('dialog, [role="slider"], [role="listbox"], [role="log"]') !== null) {
    return true;
  }
  const pressed =
    tag === 'BUTTON' ||
    tag === 'SUMMARY' ||
    tag === 'A' ||
    (tag === 'INPUT' && PRESSED_INPUTS.has((target as HTMLInputElement).type));
  if (tag === 'INPUT' && !pressed) return true; // text, number, range: typing and sliding
  if (!pressed) return false;
  const controlKey = key === ' ' || key.startsWith('Arrow');
  return controlKey && target !== clicked;
}

export interface KeyPress {
  key: string;
  target: EventTarget | null;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

/** The shortcut a keypress asks for, or undefined when the key belongs to someone else.
 * `clicked`: the element a pointer last put the focus on, if it still has it. */
export function shortcutOf(
  press: KeyPress,
  clicked: EventTarget | null = null,
): Shortcut | undefined {
  if (press.altKey || press.ctrlKey || press.metaKey) return undefined;
  const shortcut = BY_KEY[press.key];
  if (!shortcut) return undefined;
  const target = press.target instanceof Element ? press.target : null;
  return ownsKey(target, press.key, clicked) ? undefined : shortcut;
}

/** Keys that say nothing by themselves (a modifier held for the next key), which do not bring a
 * blanked screen back. */
export function isModifierKey(key: string): boolean {
  return ['Shift', 'Control', 'Alt', 'Meta', 'AltGraph', 'CapsLock', 'Fn'].includes(key);
}
