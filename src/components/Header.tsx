/** The stage's top bar: the title, the lesson picker, the mode picker, the lesson tools, the side
 * panel's toggle, the language and the share controls, on one line at laptop width. */
import { LessonToolbar } from './lessons/LessonToolbar.tsx';
import { ScenarioPicker } from './lessons/ScenarioPicker.tsx';
import { LanguagePicker } from './LanguagePicker.tsx';
import { ModePicker } from './ModePicker.tsx';
import { PanelToggle } from './PanelToggle.tsx';
import { ShareControls } from './share/ShareControls.tsx';

export function Header() {
  return (
    <header className="app-header">
      <h1>Sync vs Async</h1>
      <ScenarioPicker />
      <ModePicker />
      <div className="header-tools">
        <LessonToolbar />
        <PanelToggle />
        <LanguagePicker />
        <ShareControls />
      </div>
    </header>
  );
}
