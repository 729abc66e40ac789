/** A lesson's handout for the instructor, on its own page (`?handout=<id>`) and printable on one
 * or two A4 or Letter pages: the goal, the question with its answer, the numbers the lesson's run
 * produces (from the engine, lessons/handout.ts), the captions at their moments, questions for
 * discussion, and the lesson's link as a QR code. An unknown id gets the list of handouts. */
import { useEffect, useMemo } from 'react';
import { handoutOf, type Handout } from '../../lessons/handout.ts';
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
import { MODE_TITLE } from '../modeTitle.ts';
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

function LessonHandout({ scenario }: { scenario: Scenario }) {
  const handout = useMemo(() => handoutOf(scenario), [scenario]);
  const base = pageBase(window.location);
  const link = lessonLink(base, scenario.id);
  useTitle(`Handout: ${scenario.title} (Sync vs Async)`);
  return (
    <div className="handout-page">
      <nav className="handout-toolbar" aria-label="Handout">
        <button type="button" className="button button-primary" onClick={() => window.print()}>
          Print
        </button>
        <a className="button" href={link}>
          Open the lesson
        </a>
        <a className="button" href={handoutLink(base, '')}>
          All handouts
        </a>
        <span className="handout-hint">One or two A4 or Letter pages.</span>
      </nav>
      <article className="handout" aria-labelledby="handout-title">
        <header className="handout-head">
          <div>
            <p className="handout-kicker">
              Sync vs Async · lesson {handout.number} of {LESSON_COUNT} · for the instructor
            </p>
            <h1 id="handout-title">{scenario.title}</h1>
            <p className="handout-goal">
              <strong>Goal.</strong> {scenario.teaches}
            </p>
            <p>
              <strong>Set the scene</strong> (it does not give the answer away): {scenario.premise}
            </p>
          </div>
          <figure className="handout-qr">
            <QrCode text={link} label={`QR code for the lesson’s link: ${link}`} />
            <figcaption>Scan to open the lesson</figcaption>
          </figure>
        </header>
        <p className="handout-link">
          Link: <a href={link}>{breakable(link)}</a>
        </p>
        <Prediction handout={handout} />
        <Numbers handout={handout} />
        <section className="handout-section" aria-labelledby="handout-captions">
          <h2 id="handout-captions">The captions, at the moments they show</h2>
          <ol className="handout-captions">
            {handout.captions.map((c) => (
              <li key={c.atMs}>
                <span className="handout-at">{c.at}</span> {c.text}
              </li>
            ))}
          </ol>
        </section>
        {handout.discussion.length > 0 && (
          <section className="handout-section" aria-labelledby="handout-discussion">
            <h2 id="handout-discussion">For discussion</h2>
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
  const p = handout.scenario.prediction;
  return (
    <section className="handout-section" aria-labelledby="handout-question">
      <h2 id="handout-question">Ask before you press Play</h2>
      <p className="handout-question">{p.question}</p>
      <ol className="handout-options" type="A">
        {p.options.map((o) => (
          <li key={o.id} className={o.id === p.answer ? 'handout-answer' : undefined}>
            {o.label}
            {o.id === p.answer && <strong> ✓ the answer</strong>}
          </li>
        ))}
      </ol>
      <p>
        <strong>Why.</strong> {p.explanation}
      </p>
    </section>
  );
}

function Numbers({ handout }: { handout: Handout }) {
  const { reveal, lastCaption, end } = handout;
  const same = reveal.atLastCaption === reveal.atEnd;
  return (
    <section className="handout-section" aria-labelledby="handout-numbers">
      <h2 id="handout-numbers">What the run shows</h2>
      <p className="handout-reveal">
        The answer in numbers: {reveal.label}
        {/\ba?sync\b/.test(reveal.label)
          ? ''
          : ` (${MODE_TITLE[reveal.lane].toLowerCase()} lane)`}:{' '}
        {same ? (
          <>
            <strong>{reveal.atEnd}</strong> (at the last caption and when the run has settled).
          </>
        ) : (
          <>
            <strong>{reveal.atLastCaption}</strong> at the last caption,{' '}
            <strong>{reveal.atEnd}</strong> once the run has settled.
          </>
        )}
      </p>
      <table className="handout-table">
        <thead>
          <tr>
            <th scope="col">Lane</th>
            <th scope="col">{lastCaption.label}</th>
            <th scope="col">{end.label}</th>
          </tr>
        </thead>
        <tbody>
          {handout.lanes.map((l) => (
            <tr key={l.lane}>
              <th scope="row">{MODE_TITLE[l.lane]}</th>
              <td>
                <Tallies items={l.atLastCaption} />
              </td>
              <td>
                <Tallies items={l.atEnd} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="handout-note">
        Counted by the simulator’s engine on the lesson’s own run (seed {handout.scenario.seed}), as
        the lanes’ tallies count them on the stage.
      </p>
    </section>
  );
}

function Tallies({ items }: { items: readonly string[] }) {
  if (items.length === 0) return <>nothing to count yet</>;
  return <>{items.join(' · ')}</>;
}

/** The list of handouts, for a link without a lesson or with one that does not exist. */
function HandoutIndex({ asked }: { asked: string }) {
  const base = pageBase(window.location);
  useTitle('Lesson handouts (Sync vs Async)');
  return (
    <div className="handout-page">
      <article className="handout" aria-labelledby="handout-title">
        <h1 id="handout-title">Lesson handouts</h1>
        {asked !== '' && (
          <p className="handout-unknown" role="alert">
            There is no lesson called “{shown(asked)}”. Pick one of these:
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
          <a href={base}>Open the simulator</a>
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
