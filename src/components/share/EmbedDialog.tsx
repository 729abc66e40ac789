/** The "Embed" button and its dialog: the iframe snippet (800 x 450, titled, fullscreen allowed),
 * the plain link, and a poster PNG for slides that cannot show an iframe. Both start the run at
 * 0 s unless "Start at this moment" is ticked: a slide should not open mid-run by accident. */
import { useEffect, useRef, useState } from 'react';
import { localTime } from '../../i18n/format.ts';
import { useSimulator } from '../../store/react/hooks.ts';
import type { SimulatorStore } from '../../store/simulatorTypes.ts';
import {
  EMBED_HEIGHT,
  EMBED_WIDTH,
  embedLink,
  embedTitle,
  iframeSnippet,
  pageBase,
  shareLink,
} from './links.ts';
import { linkPage, usePage } from './pageContext.ts';
import { useT } from '../../i18n/react.tsx';
import { firstScreenPainted, nextPaint, onNextPaint } from '../afterPaint.ts';
import { openModal } from '../openModal.ts';

const EMPTY = {
  atStart: { snippet: '', link: '' },
  atNow: { snippet: '', link: '' },
  nowMs: 0,
  title: '',
  writing: false,
};

type Texts = typeof EMPTY;

/** `openAtOnce`: its button was pressed while it loaded (ShareControls.tsx). */
export function EmbedDialog({ openAtOnce = false }: { openAtOnce?: boolean }) {
  const simulator = useSimulator();
  const { page: opened } = usePage();
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const [fromNow, setFromNow] = useState(false);
  const [posterUrl, setPosterUrl] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const cancelWriting = useRef<() => void>(() => {});
  useEffect(() => () => cancelWriting.current(), []);

  /** The snippets and links for the state `s`. */
  const textsOf = (s: SimulatorStore): Texts => {
    const page = linkPage(opened);
    const base = pageBase(window.location);
    const title = embedTitle(s, t);
    const start = { ...s, simMs: 0 };
    return {
      atStart: {
        snippet: iframeSnippet(embedLink(base, start, page), title),
        link: shareLink(base, start, page),
      },
      atNow: {
        snippet: iframeSnippet(embedLink(base, s, page), title),
        link: shareLink(base, s, page),
      },
      nowMs: s.simMs,
      title,
      writing: false,
    };
  };

  // Pressed while it loaded: it opens as it mounts, with the texts of that moment.
  const [texts, setTexts] = useState(() =>
    openAtOnce ? textsOf(simulator.store.getState()) : EMPTY,
  );
  // The texts last written, for a poster asked for before the frame that shows them.
  const written = useRef(texts);
  const write = (next: Texts) => {
    written.current = next;
    setTexts(next);
  };

  const open = () => {
    // The texts are of the moment of the click. Writing them (four links, each the whole state
    // read back into its parameters) took 15-20 ms of the click with the CPU four times slower
    // while a run plays (bench:page): the dialog opens in the click's frame, busy, and its fields
    // are filled once that frame is painted. Component tests, which render everything at once,
    // get them at once.
    const s = simulator.store.getState();
    cancelWriting.current();
    if (firstScreenPainted()) {
      setTexts({ ...EMPTY, nowMs: s.simMs, writing: true });
      cancelWriting.current = onNextPaint(() => write(textsOf(s)));
    } else write(textsOf(s));
    setFromNow(false);
    setStatus('');
    if (dialog.current) openModal(dialog.current);
  };

  const makePoster = async () => {
    setStatus(t('share.drawingPoster'));
    try {
      // The drawing copies both diagrams with their styles: it starts once the status shows.
      await nextPaint();
      // Loaded when a poster is first drawn, not with the first screen (check:bundle).
      const { drawPoster } = await import('./poster.ts');
      // The texts written by then: the dialog's fields are filled after its first frame.
      const now = written.current;
      const link = fromNow ? now.atNow.link : now.atStart.link;
      const blob = await drawPoster(document, now.title, link, t);
      if (posterUrl) URL.revokeObjectURL(posterUrl);
      setPosterUrl(URL.createObjectURL(blob));
      setStatus(t('share.posterReady'));
    } catch (e) {
      setStatus(t('share.posterFailed', { reason: (e as Error).message }));
    }
  };

  const shown = fromNow ? texts.atNow : texts.atStart;
  const [openedAtOnce] = useState(openAtOnce);
  useEffect(() => {
    if (openedAtOnce && dialog.current) openModal(dialog.current);
  }, [openedAtOnce]);
  return (
    <>
      <button type="button" className="button" onClick={open}>
        {t('share.embed')}
      </button>
      <dialog
        ref={dialog}
        className="embed-dialog"
        aria-labelledby="embed-title"
        aria-busy={texts.writing || undefined}
      >
        <h2 id="embed-title">{t('share.embedTitle')}</h2>
        <label className="choice">
          <input
            type="checkbox"
            checked={fromNow}
            onChange={(e) => {
              setFromNow(e.target.checked);
              if (posterUrl) URL.revokeObjectURL(posterUrl);
              setPosterUrl(null);
            }}
          />
          <span>{t('share.startNow', { time: localTime(t, texts.nowMs) })}</span>
        </label>
        <label className="embed-field">
          <span>{t('share.iframe', { width: EMBED_WIDTH, height: EMBED_HEIGHT })}</span>
          <textarea readOnly rows={4} value={shown.snippet} onFocus={(e) => e.target.select()} />
        </label>
        <label className="embed-field">
          <span>{t('share.link')}</span>
          <input readOnly value={shown.link} onFocus={(e) => e.target.select()} />
        </label>
        <p className="embed-hint">{t('share.slidesHint')}</p>
        <div className="embed-actions">
          <button type="button" className="button" onClick={() => void makePoster()}>
            {t('share.makePoster')}
          </button>
          {posterUrl && (
            <a className="button" href={posterUrl} download="sync-vs-async-poster.png">
              {t('share.downloadPoster')}
            </a>
          )}
          <button type="button" className="button" onClick={() => dialog.current?.close()}>
            {t('share.close')}
          </button>
        </div>
        <p role="status" className="embed-status">
          {status}
        </p>
      </dialog>
    </>
  );
}
