/** The host API's video maker (src/embed/videoRequest.ts): the host's fields checked as the
 * Export menu's are, then the same video. Loaded when a host first asks for one. */
import type { VideoMaker } from '../../../embed/videoRequest.ts';
import { readVideoOptions, videoFileName } from '../../../export/video/plan.ts';
import { runVideo } from './runVideo.ts';
import { videoJobOf } from './job.ts';
import { VIDEO_THEMES, type VideoTheme } from './palette.ts';

/** The theme the embedded page shows (the simulator's root carries it as `data-theme`). */
function pageTheme(): VideoTheme {
  const theme = document.querySelector('[data-theme]')?.getAttribute('data-theme');
  return (VIDEO_THEMES as readonly string[]).includes(theme ?? '')
    ? (theme as VideoTheme)
    : 'light';
}

export const makeForHost: VideoMaker = (state, fields, hooks) => {
  const options = readVideoOptions(fields, state);
  if ('problem' in options) return options;
  return {
    name: videoFileName(state.scenarioId, options),
    video: runVideo(videoJobOf(state, options, pageTheme()), hooks),
  };
};
