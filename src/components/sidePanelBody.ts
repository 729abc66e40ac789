/** What the side panel holds, one chunk loaded on demand (SidePanel.tsx's CONTROLS): the lesson's
 * part (its summary, prediction and goals), the controls and the view options. The panel is
 * hidden while closed, so none of it is on a first screen that starts with it closed, and the
 * page loads it before that screen when it starts open. */
export { ControlsPanel, DesignSection } from './controls/ControlsPanel.tsx';
export { LessonSide } from './lessons/LessonSide.tsx';
export { ThemePicker } from './lessons/ThemePicker.tsx';
export { MotionSwitch } from './a11y/MotionSwitch.tsx';
export { ShortcutsButton } from './lessons/ShortcutsButton.tsx';
