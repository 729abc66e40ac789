/** A lesson's handout for the instructor, on its own page (`?handout=<id>`) and printable on one
 * or two A4 or Letter pages: the goal, the question with its answer, the numbers the lesson's run
 * produces (from the engine, lessons/handout.ts), the captions at their moments, questions for
 * discussion, and the lesson's link as a QR code. An unknown id gets the list of handouts. */
// The handout's English words load with it, before anything of it renders.
import '../../i18n/parts/exports.ts';
import { useEffect, useMemo, type ReactNode } from 'react';
import { localMetric, localTime } from '../../i18n/format.ts';
import { useLocale, useT } from '../../i18n/react.tsx';
import type { MessageId } from '../../i18n/runtime.ts';
import { handoutOf, type Handout } from '../../lessons/handout.ts';
import { localCaption, localLesson } from '../../lessons/localLesson.ts';
import { LESSON_COUNT } from '../../lessons/lessonOrder.ts';
import {
  findScenario,
  LESSONS,
  lessonEntry,
  lessonLoadFailed,
  type Scenario,
} from '../../scenarios/index.ts';
import { shown } from '../../store/changes/echo.ts';
import { handoutLink, lessonLink } from '../../url/handoutParam.ts';
import { pageBase } from '../share/links.ts';
import { QrCode } from './QrCode.tsx';
import './handout.css';

/** The lesson's content is loaded before this renders (main.tsx); one that could not load says
 * so rather than claiming there is no such handout. */
export default function HandoutPage({ id }: { id: string }) {
  const scenario = findScenario(id);
  if (scenario) return <LessonHandout scenario={scenario} />;
  const entry = lessonEntry(id);
  if (entry) {
    return (
      <p className="handout-unknown" role="alert">
        {lessonLoadFailed(entry.title)}
      </p>
    );
  }
  return <HandoutIndex asked={id} />;
}

function useTitle(title: string) {
  useEffect(() => {
    document.title = title;
  }, [title]);
}

/** A message's text with its `**…**` parts in bold: the catalog marks the words a sentence
 * stresses, so that the sentence stays one message. */
function withBold(text: string): ReactNode[] {
  return text
    .split('**')
    .map((part, i) => (i % 2 === 1 ? <strong key={i}>{part}</strong> : part))
    .filter((part) => part !== '');
}

function LessonHandout({ scenario: own }: { scenario: Scenario }) {
  const t = useT();
  const locale = useLocale();
  const handout = useMemo(
    () =>
      handoutOf(own, {
        lesson: localLesson(own, locale),
        caption: (beat) => localCaption(own.id, beat, locale),
      }),
    [own, locale],
  );
  const scenario = handout.scenario;
  const base = pageBase(window.location);
  const link = lessonLink(base, scenario.id);
  useTitle(t('handout.documentTitle', { title: scenario.title }));
  return (
    <div className="handout-page">
      <nav className="handout-toolbar" aria-label={t('handout.toolbar')}>
        <button type="button" className="button button-primary" onClick={() => window.print()}>
          {t('handout.print')}
        </button>
        <a className="button" href={link}>
          {t('handout.openLesson')}
        </a>
        <a className="button" href={handoutLink(base, '')}>
          {t('handout.all')}
        </a>
        <span className="handout-hint">{t('handout.pages')}</span>
      </nav>
      <article className="handout" aria-labelledby="handout-title">
        <header className="handout-head">
          <div>
            <p className="handout-kicker">
              {t('handout.kicker', { n: handout.number, count: LESSON_COUNT })}
            </p>
            <h1 id="handout-title">{scenario.title}</h1>
            <p className="handout-goal">
              <strong>{t('handout.goal')}</strong> {scenario.teaches}
            </p>
            <p>
              {withBold(t('handout.scene'))} {scenario.premise}
            </p>
          </div>
          <figure className="handout-qr">
            <QrCode text={link} label={t('handout.qr', { link })} />
            <figcaption>{t('handout.scan')}</figcaption>
          </figure>
        </header>
        <p className="handout-link">
          {t('handout.link')} <a href={link}>{breakable(link)}</a>
        </p>
        <Prediction handout={handout} />
        <Numbers handout={handout} />
        <section className="handout-section" aria-labelledby="handout-captions">
          <h2 id="handout-captions">{t('handout.captions')}</h2>
          <ol className="handout-captions">
            {handout.captions.map((c) => (
              <li key={c.atMs}>
                <span className="handout-at">{localTime(t, c.atMs)}</span> {c.text}
              </li>
            ))}
          </ol>
        </section>
        {handout.discussion.length > 0 && (
          <section className="handout-section" aria-labelledby="handout-discussion">
            <h2 id="handout-discussion">{t('handout.discussion')}</h2>
            <ol className="handout-discussion">
              {handout.discussion.map((q) => (
                <li key={q}>{q}</li>
              ))}
            </ol>
          </section>
        )}
      </article>
    </div>
  );
}

function Prediction({ handout }: { handout: Handout }) {
  const t = useT();
  const p = handout.scenario.prediction;
  return (
    <section className="handout-section" aria-labelledby="handout-question">
      <h2 id="handout-question">{t('handout.ask')}</h2>
      <p className="handout-question">{p.question}</p>
      <ol className="handout-options" type="A">
        {p.options.map((o) => (
          <li key={o.id} className={o.id === p.answer ? 'handout-answer' : undefined}>
            {o.label}
            {o.id === p.answer && <strong> {t('handout.answer')}</strong>}
          </li>
        ))}
      </ol>
      <p>
        <strong>{t('handout.why')}</strong> {p.explanation}
      </p>
    </section>
  );
}

function Numbers({ handout }: { handout: Handout }) {
  const t = useT();
  const { reveal, lastCaption, end } = handout;
  const same = reveal.atLastCaption === reveal.atEnd;
  return (
    <section className="handout-section" aria-labelledby="handout-numbers">
      <h2 id="handout-numbers">{t('handout.numbers')}</h2>
      <p className="handout-reveal">
        {withBold(
          t(same ? 'handout.revealSame' : 'handout.reveal', {
            label: reveal.label,
            // The lane is named unless the label names it already.
            lane: reveal.namesLane ? 'named' : reveal.lane,
            atLastCaption: localMetric(t, reveal.metric, reveal.values.atLastCaption),
            atEnd: localMetric(t, reveal.metric, reveal.values.atEnd),
          }),
        )}
      </p>
      <table className="handout-table">
        <thead>
          <tr>
            <th scope="col">{t('handout.lane')}</th>
            <th scope="col">
              {t('handout.atLastCaption', { time: localTime(t, lastCaption.atMs) })}
            </th>
            <th scope="col">
              {t(end.settled ? 'handout.settledAt' : 'handout.notSettledAt', {
                time: localTime(t, end.atMs),
              })}
            </th>
          </tr>
        </thead>
        <tbody>
          {handout.lanes.map((l) => (
            <tr key={l.lane}>
              <th scope="row">{t('handout.laneName', { mode: l.lane })}</th>
              <td>
                <Tallies items={l.talliesAtLastCaption} />
              </td>
              <td>
                <Tallies items={l.talliesAtEnd} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="handout-note">{t('handout.note', { seed: handout.scenario.seed })}</p>
    </section>
  );
}

function Tallies({ items }: { items: Handout['lanes'][number]['talliesAtEnd'] }) {
  const t = useT();
  if (items.length === 0) return <>{t('handout.nothing')}</>;
  return (
    <>{items.map(({ key, count }) => t(`tally.${key}` as MessageId, { count })).join(' · ')}</>
  );
}

/** The list of handouts, for a link without a lesson or with one that does not exist. */
function HandoutIndex({ asked }: { asked: string }) {
  const t = useT();
  const base = pageBase(window.location);
  useTitle(t('handout.indexDocumentTitle'));
  return (
    <div className="handout-page">
      <article className="handout" aria-labelledby="handout-title">
        <h1 id="handout-title">{t('handout.index')}</h1>
        {asked !== '' && (
          <p className="handout-unknown" role="alert">
            {t('handout.unknown', { id: shown(asked) })}
          </p>
        )}
        <ol className="handout-index">
          {LESSONS.map((s) => (
            <li key={s.id}>
              <a href={handoutLink(base, s.id)}>{s.title}</a> <code>{s.id}</code>
            </li>
          ))}
        </ol>
        <p>
          <a href={base}>{t('handout.openSimulator')}</a>
        </p>
      </article>
    </div>
  );
}

/** A link with places to break a line before its query and each parameter, rather than
 * anywhere: `…/sync-vs-async/` `?v=1` `&scenario=email-outage`. */
function breakable(link: string) {
  return link.split(/(?=[?&])/).map((part, i) => (
    <span key={i}>
      {i > 0 && <wbr />}
      {part}
    </span>
  ));
}
