// The example host page's script (embed-host.html): frames the simulator and drives it over
// postMessage. It frames only addresses it trusts: ?src= is a value anyone can put in a link, and
// a `javascript:` address in a frame's src runs on this page's origin.

/** Origins besides this page's own whose simulator this page may frame. Add yours here. */
const ALLOWED_ORIGINS = [];
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const SHOWN = 60;

/** The simulator's address, or a sentence saying why `given` is refused. */
function simulatorAddress(given) {
  if (given === null) return { url: new URL('./index.html?embed=1&api=1', location.href) };
  const shown = given.length > SHOWN ? `${given.slice(0, SHOWN)}…` : given;
  let url;
  try {
    url = new URL(given, location.href);
  } catch {
    return { refused: `"${shown}" is not an address. Give src= an http: or https: address.` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return {
      refused: `This page frames only http: and https: addresses, not ${url.protocol} ("${shown}").`,
    };
  }
  // Two servers on this machine (a developer's app and host page) may frame each other.
  const local = LOOPBACK.has(url.hostname) && LOOPBACK.has(location.hostname);
  if (url.origin !== location.origin && !ALLOWED_ORIGINS.includes(url.origin) && !local) {
    return {
      refused:
        `This page frames the simulator only from ${location.origin}` +
        `${ALLOWED_ORIGINS.length ? ` or ${ALLOWED_ORIGINS.join(', ')}` : ''}, not ${url.origin}.` +
        ' Add the origin to ALLOWED_ORIGINS in embed-host.js to allow it.',
    };
  }
  return { url };
}

const frame = document.getElementById('sim');
const log = document.getElementById('log');
const address = simulatorAddress(new URLSearchParams(location.search).get('src'));
/** Lines the log shows and messages `received` keeps, the newest: a subscribed simulator sends
 * several a second, and a page left open kept every one (6,874 lines in a minute). */
const LOG_LINES = 200;
const KEPT_MESSAGES = 1000;
/** The latest messages the simulator sent, for people and for tests. */
window.received = [];

if (address.refused) {
  const notice = document.getElementById('refused');
  notice.textContent = address.refused;
  notice.hidden = false;
  frame.hidden = true;
  for (const button of document.querySelectorAll('[data-send]')) button.disabled = true;
} else {
  const src = address.url;
  frame.src = src.href;
  let nextId = 1;
  const waiting = new Map();

  /** Sends a command with a fresh id; resolves with the reply that carries it. */
  window.send = (message) => {
    const id = `host-${nextId++}`;
    frame.contentWindow.postMessage({ ...message, id }, src.origin);
    return new Promise((resolve) => waiting.set(id, resolve));
  };

  window.addEventListener('message', (event) => {
    // Only the framed simulator, from its own origin.
    if (event.source !== frame.contentWindow || event.origin !== src.origin) return;
    const data = event.data;
    if (!data || data.source !== 'sync-vs-async') return;
    window.received.push(data);
    if (window.received.length > KEPT_MESSAGES) window.received.shift();
    if (data.id !== undefined && waiting.has(data.id)) {
      waiting.get(data.id)(data);
      waiting.delete(data.id);
    }
    if (data.type === 'resize') return;
    const line = document.createElement('div');
    line.textContent = JSON.stringify(data);
    log.prepend(line);
    while (log.childElementCount > LOG_LINES) log.lastElementChild.remove();
  });

  for (const button of document.querySelectorAll('[data-send]')) {
    button.addEventListener('click', () => window.send(JSON.parse(button.dataset.send)));
  }

  // A video of the run: exportVideo answers ok (started), then progress messages, then the file
  // as a Blob in a `video` message, or an `error` (cancelVideo stops it; its request then gets
  // "the video was cancelled"). All carry the exportVideo request's id.
  const videoStatus = document.getElementById('video-status');
  const videoLink = document.getElementById('video-link');
  let videoId = null;
  window.addEventListener('message', (event) => {
    const data = event.data;
    if (event.source !== frame.contentWindow || !data || data.id !== videoId) return;
    if (data.type === 'progress') {
      const left = data.leftSec === null ? '' : `, about ${data.leftSec} s left`;
      videoStatus.textContent = `Frame ${data.done} of ${data.total}${left}`;
    } else if (data.type === 'video') {
      URL.revokeObjectURL(videoLink.href);
      videoLink.href = URL.createObjectURL(data.blob);
      videoLink.download = data.name;
      videoLink.hidden = false;
      videoStatus.textContent = `Made ${data.name} (${Math.round(data.blob.size / 1000)} KB)`;
    } else if (data.type === 'error') {
      videoStatus.textContent = `No video: ${data.message}`;
    }
  });
  document.getElementById('make-video').addEventListener('click', async () => {
    const request = { type: 'exportVideo', format: 'webm', size: '800x450', from: 0, to: 3 };
    // The id is known before the first reply, so that no progress message is missed.
    videoId = `host-${nextId}`;
    const reply = await window.send(request);
    if (reply.type === 'error') videoStatus.textContent = `No video: ${reply.message}`;
  });
  document.getElementById('cancel-video').addEventListener('click', async () => {
    const reply = await window.send({ type: 'cancelVideo' });
    if (reply.type === 'error') videoStatus.textContent = reply.message;
  });
}
