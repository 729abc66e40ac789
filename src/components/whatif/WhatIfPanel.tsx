/** "What if?" below the stage: a disclosure that opens the curves panel (closed by default; a
 * link with `whatif=SETTING,METRIC` opens it on those choices). The panel and its worker load
 * only when opened. */
import { lazy, Suspense, useId, useState } from 'react';
import { DEFAULT_WHATIF } from '../../analysis/whatifParam.ts';
import { usePage } from '../share/pageContext.ts';
import './whatif.css';

const loadBody = () => import('./WhatIfBody.tsx');
const WhatIfBody = lazy(loadBody);
/** The panel's code starts loading when the pointer or the focus reaches its button, so that the
 * click finds it loaded (the browser fetches and compiles it once). */
const preload = () => void loadBody().catch(() => {});

export function WhatIfPanel() {
  const id = useId();
  const { page } = usePage();
  const [open, setOpen] = useState(page.whatif !== null);
  const choices = page.whatif ?? DEFAULT_WHATIF;
  return (
    <section className="whatif card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        <button
          type="button"
          className="whatif-toggle"
          aria-expanded={open}
          aria-controls={`${id}-body`}
          onClick={() => setOpen(!open)}
          onPointerEnter={preload}
          onFocus={preload}
        >
          What if?
        </button>
      </h2>
      <div id={`${id}-body`} hidden={!open}>
        {open ? (
          <Suspense fallback={<p className="whatif-status">Loading…</p>}>
            <WhatIfBody initialSetting={choices.setting} initialMetric={choices.metric} />
          </Suspense>
        ) : null}
      </div>
    </section>
  );
}
