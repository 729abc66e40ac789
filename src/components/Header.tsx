/** The page's title, its one-line lesson, and the mode picker. */
import { LessonToolbar } from './lessons/LessonToolbar.tsx';
import { ModePicker } from './ModePicker.tsx';
import { ShareControls } from './share/ShareControls.tsx';

export function Header() {
  return (
    <header className="app-header">
      <div className="title-block">
        <h1>Sync vs Async</h1>
        <p className="lede">
          One checkout, two designs: how long does the customer wait, and when does the email go
          out?
        </p>
      </div>
      <div className="header-tools">
        <ModePicker />
        <LessonToolbar />
        <ShareControls />
      </div>
    </header>
  );
}
