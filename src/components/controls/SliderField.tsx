/** A labelled native slider for a number, a per cent or a step's latency: its value and unit
 * beside it, a tick at the default, and an "Exact" box for typing. A latency that is a
 * distribution shows as a chip with its kind and mean, and the slider moves the mean.
 *
 * A move is applied when it is finished (the pointer is released, the key comes up), not on
 * every input event, so a drag or a held arrow key records one change rather than dozens. */
import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
} from 'react';
import { useActions, useSetting, useSim } from '../../store/react/hooks.ts';
import type { ControlSpec } from './controlSpecs.ts';
import type { SimulatorStore } from '../../store/simulatorStore.ts';
import {
  defaultEngineValue,
  describeDistribution,
  engineValueAt,
  formatSliderValue,
  nearestStop,
  readSlider,
  sliderStops,
  spokenSliderValue,
} from './sliders.ts';
import { withMeanMs } from '../../engine/index.ts';
import { useT } from '../../i18n/react.tsx';
import { MISSING } from '../../format/index.ts';
import { ExactBox, ExactButton } from './ExactValue.tsx';
import { FieldHints, hintIds } from './FieldHints.tsx';
import './slider.css';

const selectScenarioId = (s: SimulatorStore) => s.scenarioId;

/** Keys with which a native slider moves itself. */
const MOVE_KEYS = new Set([
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'PageUp',
  'PageDown',
  'Home',
  'End',
]);

export function SliderField({ spec }: { spec: ControlSpec }) {
  const id = useId();
  const t = useT();
  const { value: engineValue, error } = useSetting(spec.key);
  const { change } = useActions();
  const scenarioId = useSim(selectScenarioId);
  const defaultValue = useMemo(() => {
    const value = defaultEngineValue(spec.key, scenarioId);
    return value === undefined ? undefined : readSlider(spec, value)?.value;
  }, [spec, scenarioId]);
  const stops = useMemo(() => sliderStops(spec, defaultValue), [spec, defaultValue]);
  const current = readSlider(spec, engineValue);

  // The stop the thumb is at while a move is under way, not yet applied.
  const [draft, setDraft] = useState<number | null>(null);
  const draftRef = useRef<number | null>(null);
  const held = useRef<'pointer' | 'key' | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const [exactOpen, setExactOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const exact = { spec, boxId: `${id}-exact`, setOpen: setExactOpen, toggle };
  const latest = useRef({ engineValue, stops });
  useEffect(() => {
    latest.current = { engineValue, stops };
  });

  const commit = useCallback(() => {
    const index = draftRef.current;
    if (index === null) return;
    draftRef.current = null;
    setDraft(null);
    const { engineValue: now, stops: at } = latest.current;
    const next = engineValueAt(spec, now, at[index]!);
    if (next !== now) change(spec.key, next);
  }, [spec, change, setDraft]);

  // The native change event ends a pointer move; React's onChange fires on every input event.
  useEffect(() => {
    const element = input.current;
    if (!element) return;
    const onNativeChange = () => {
      if (held.current !== 'key') commit();
    };
    element.addEventListener('change', onNativeChange);
    return () => element.removeEventListener('change', onNativeChange);
  }, [commit]);

  const onPointerDown = () => {
    held.current = 'pointer';
    const release = () => {
      held.current = null;
      window.removeEventListener('pointerup', release);
      window.removeEventListener('pointercancel', release);
      commit();
    };
    window.addEventListener('pointerup', release);
    window.addEventListener('pointercancel', release);
  };

  const index = draft ?? (current ? nearestStop(stops, current.value) : 0);
  const shown = draft === null ? current?.value : stops[draft];
  const distribution =
    current?.distribution && shown !== undefined
      ? withMeanMs(current.distribution, shown)
      : undefined;
  const text =
    shown === undefined
      ? MISSING
      : distribution
        ? describeDistribution(t, distribution)
        : formatSliderValue(t, spec, shown);
  const spoken =
    shown === undefined
      ? t('controls.noValue')
      : distribution
        ? describeDistribution(t, distribution, true)
        : spokenSliderValue(t, spec, shown);

  const defaultIndex = defaultValue === undefined ? -1 : stops.indexOf(defaultValue);
  const last = Math.max(1, stops.length - 1);
  const describedBy = [
    hintIds(id, spec),
    defaultIndex >= 0 ? `${id}-default` : '',
    error ? `${id}-error` : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <div className={`field field-slider${error ? ' field-invalid' : ''}`}>
      <div className="slider-head">
        <label htmlFor={id}>{spec.label}</label>
        <span className="slider-readout">
          <span className={distribution ? 'slider-chip' : 'slider-value'} aria-hidden="true">
            {text}
          </span>
          <ExactButton {...exact} open={exactOpen} />
        </span>
      </div>
      <div className="slider-track" style={{ '--tick': defaultIndex / last } as CSSProperties}>
        <input
          ref={input}
          id={id}
          type="range"
          min={0}
          max={stops.length - 1}
          step={1}
          value={index}
          aria-valuetext={spoken}
          aria-describedby={describedBy}
          onPointerDown={onPointerDown}
          onKeyDown={(e) => {
            if (MOVE_KEYS.has(e.key)) held.current = 'key';
          }}
          onKeyUp={() => {
            if (held.current !== 'key') return;
            held.current = null;
            commit();
          }}
          onBlur={commit}
          onChange={(e) => {
            draftRef.current = Number(e.target.value);
            setDraft(draftRef.current);
            // A move that is not held (a screen reader's step, a test) is finished at once.
            if (held.current === null) commit();
          }}
        />
        {defaultIndex >= 0 && (
          <span className="slider-tick" aria-hidden="true">
            <span className="slider-tick-label">{t('controls.default')}</span>
          </span>
        )}
      </div>
      {exactOpen && <ExactBox {...exact} describedBy={describedBy} />}
      {defaultIndex >= 0 && (
        <span id={`${id}-default`} className="visually-hidden">
          {t('controls.defaultIs', { value: formatSliderValue(t, spec, stops[defaultIndex]!) })}
        </span>
      )}
      <FieldHints id={id} spec={spec} error={error} />
    </div>
  );
}
