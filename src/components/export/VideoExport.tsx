/** The Export menu's "Video" part: a lesson as a WebM, MP4 or GIF file, drawn frame by frame from
 * a replay of the run (never a screen capture), with its progress, the time left and Cancel. The
 * encoder and the muxers load only when a video is asked for. */
import '../../i18n/parts/exports.ts';
import { useEffect, useId, useRef, useState } from 'react';
import { downloadBlob } from '../../export/index.ts';
import {
  GIF_SIZES,
  VIDEO_FORMATS,
  VIDEO_FPS,
  VIDEO_SIZES,
  VIDEO_SPEEDS,
  defaultSpanMs,
  readVideoOptions,
  videoFileName,
  type VideoFormat,
} from '../../export/video/plan.ts';
import { useHandles, usePageState } from '../../store/react/hooks.ts';
import { useT } from '../../i18n/react.tsx';

/** The formats' names: "Animated GIF" is worded by the catalog, the others are product names. */
const FORMAT_NAMES: Record<VideoFormat, string | null> = {
  webm: 'WebM (VP9)',
  mp4: 'MP4 (H.264)',
  gif: null,
};

const SHORT_NAMES: Record<string, string> = { webm: 'WebM', mp4: 'MP4', gif: 'GIF' };

function seconds(ms: number): string {
  return String(Math.round(ms) / 1000);
}

export default function VideoExport() {
  const id = useId();
  const t = useT();
  const { simulator } = useHandles();
  // The video takes the page's colours (light, dark or projector).
  const theme = usePageState((v) => v.theme);
  const span = defaultSpanMs(simulator.store.getState());
  const [format, setFormat] = useState<VideoFormat>('webm');
  const [size, setSize] = useState<string>(VIDEO_SIZES[0]);
  const [fps, setFps] = useState(30);
  const [speed, setSpeed] = useState(1);
  const [from, setFrom] = useState(seconds(span.fromMs));
  const [to, setTo] = useState(seconds(span.toMs));
  const [done, setDone] = useState<number | null>(null);
  const [status, setStatus] = useState('');
  const [formats, setFormats] = useState<string[] | null>(null);
  /** Where the last video was made (a Worker, or the page where it cannot start one). */
  const [thread, setThread] = useState<string | null>(null);
  const running = useRef<AbortController | null>(null);
  useEffect(() => () => running.current?.abort(), []);

  useEffect(() => {
    let live = true;
    void import('./video/encode.ts')
      .then((m) => m.formatsHere())
      .then((f) => live && setFormats(f))
      .catch(() => live && setFormats(['gif']));
    return () => {
      live = false;
    };
  }, []);

  const sizes = format === 'gif' ? GIF_SIZES : VIDEO_SIZES;
  const chosenSize = sizes.includes(size as never) ? size : sizes[0]!;

  const make = async () => {
    if (running.current) return;
    const s = simulator.store.getState();
    const options = readVideoOptions(
      {
        format,
        size: chosenSize,
        ...(format === 'gif' ? {} : { fps }),
        speed,
        from: Number(from),
        to: Number(to),
      },
      s,
    );
    if ('problem' in options) {
      return setStatus(t('video.cannot', { problem: options.problem }));
    }
    s.pause();
    const controller = new AbortController();
    running.current = controller;
    setDone(0);
    setStatus(t('video.drawing'));
    try {
      const [{ runVideo }, { videoJobOf }] = await Promise.all([
        import('./video/runVideo.ts'),
        import('./video/job.ts'),
      ]);
      const blob = await runVideo(
        videoJobOf(s, options, theme, t),
        {
          signal: controller.signal,
          progress: (n, total, leftMs) => {
            setDone(n / total);
            setStatus(
              leftMs === null
                ? t('video.frame', { n, total })
                : t('video.frameLeft', { n, total, seconds: Math.ceil(leftMs / 1000) }),
            );
          },
        },
        setThread,
      );
      if (!blob) return setStatus(t('video.stopped'));
      downloadBlob(blob, videoFileName(s.scenarioId, options));
      const megabytes = new Intl.NumberFormat(t.locale, {
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      }).format(blob.size / 1_000_000);
      setStatus(t('video.saved', { megabytes }));
    } catch (error) {
      setStatus(t('video.failed', { reason: (error as Error).message.replace(/\.$/, '') }));
    } finally {
      running.current = null;
      setDone(null);
    }
  };

  return (
    <div className="export-video" role="group" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('video.title')}</h3>
      <p className="hint">
        {t('video.hint')}
        {formats &&
          ` ${t('video.canMake', { formats: formats.map((f) => SHORT_NAMES[f] ?? f).join(', ') })}`}
      </p>
      <div className="export-video-fields">
        <label>
          {t('video.format')}
          <select value={format} onChange={(e) => setFormat(e.target.value as VideoFormat)}>
            {VIDEO_FORMATS.map((f) => (
              <option key={f} value={f} disabled={formats !== null && !formats.includes(f)}>
                {FORMAT_NAMES[f] ?? t('video.gif')}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('video.size')}
          <select value={chosenSize} onChange={(e) => setSize(e.target.value)}>
            {sizes.map((s) => (
              <option key={s} value={s}>
                {s.replace('x', ' × ')}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('video.fps')}
          <select
            value={format === 'gif' ? 25 : fps}
            disabled={format === 'gif'}
            onChange={(e) => setFps(Number(e.target.value))}
          >
            {format === 'gif' ? (
              <option value={25}>25 (GIF)</option>
            ) : (
              VIDEO_FPS.map((f) => (
                <option key={f} value={f}>
                  {f}
                </option>
              ))
            )}
          </select>
        </label>
        <label>
          {t('video.speed')}
          <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
            {VIDEO_SPEEDS.map((v) => (
              <option key={v} value={v}>
                {t('video.speedOption', { speed: v })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('video.from')}
          <input
            type="number"
            min={0}
            step={0.5}
            value={from}
            onChange={(e) => setFrom(e.target.value)}
          />
        </label>
        <label>
          {t('video.to')}
          <input
            type="number"
            min={0}
            step={0.5}
            value={to}
            onChange={(e) => setTo(e.target.value)}
          />
        </label>
      </div>
      <div className="export-buttons">
        <button
          type="button"
          className="button"
          aria-disabled={done !== null}
          onClick={() => void make()}
        >
          {t('video.make')}
        </button>
        {done !== null && (
          <>
            <progress max={1} value={done} aria-label={t('video.progress')} />
            <button type="button" className="button" onClick={() => running.current?.abort()}>
              {t('video.cancel')}
            </button>
          </>
        )}
      </div>
      <p
        className="export-status"
        role="status"
        data-testid="video-status"
        data-thread={thread ?? undefined}
      >
        {status}
      </p>
    </div>
  );
}
