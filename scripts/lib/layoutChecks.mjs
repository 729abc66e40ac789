// What a browser test measures of the stage's layout at one size: sideways scrolling, what must be
// on screen, text boxes on top of each other (the diagram's words, the tallies, the lanes' names
// and badges), what a lane cuts off, and rendered font sizes against a floor. Each returns a list
// of problems in words, empty when all is well, so a failing test says what it saw.

/** Problems of the stage as shown now. `floor`: the smallest text allowed (px); `onScreen`: whether
 * both lanes' diagrams, the caption and Play must be inside the window (not on a phone, where the
 * page scrolls down). */
export function layoutProblems(page, { floor, onScreen = true }) {
  return page.evaluate(
    ({ floor, onScreen }) => {
      const out = [];
      const vw = document.documentElement.clientWidth;
      const vh = window.innerHeight;
      const shown = (el) =>
        el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
      const name = (el) =>
        `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
      const se = document.scrollingElement;
      if (se.scrollWidth > se.clientWidth + 1) {
        out.push(`the page scrolls sideways (${se.scrollWidth} > ${se.clientWidth})`);
      }
      for (const el of document.querySelectorAll(
        '.lane, .diagram-fit, .stage, .tallies, .closeup',
      )) {
        if (shown(el) && el.scrollWidth > el.clientWidth + 1) {
          out.push(`${name(el)} scrolls sideways (${el.scrollWidth} > ${el.clientWidth})`);
        }
      }
      const inside = (r, b, slack = 1) =>
        r.left >= b.left - slack &&
        r.top >= b.top - slack &&
        r.right <= b.right + slack &&
        r.bottom <= b.bottom + slack;
      const view = { left: 0, top: 0, right: vw, bottom: vh };
      if (onScreen) {
        const must = [
          ...document.querySelectorAll('.diagram'),
          document.querySelector('.beat-caption, .lesson-free'),
          document.querySelector('.button-play'),
        ];
        for (const el of must) {
          if (!el) out.push('a diagram, the caption or Play is missing');
          else if (!inside(el.getBoundingClientRect(), view)) {
            out.push(`${name(el)} is not inside the ${vw}x${vh} window`);
          }
        }
      }
      // Nothing a lane shows runs past its frame (the next lane or the window's edge cuts it).
      for (const lane of document.querySelectorAll('.lane')) {
        const box = lane.getBoundingClientRect();
        const parts = lane.querySelectorAll(
          '.browser, .clock, .link-button, .tally, .lane-header h2, .diagram, .closeup',
        );
        for (const el of parts) {
          if (shown(el) && !inside(el.getBoundingClientRect(), box)) {
            out.push(`${name(el)} runs past its lane`);
          }
        }
      }
      // Text boxes that must not overlap: each diagram's words among themselves, and the tallies,
      // the lanes' names and badges against those words and the nodes' frames.
      const boxes = (root, selector) =>
        [...root.querySelectorAll(selector)]
          .filter((el) => shown(el) && (el.textContent ?? '').trim())
          .map((el) => ({ el, r: el.getBoundingClientRect() }));
      const hit = (a, b) =>
        Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 &&
        Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
      for (const lane of document.querySelectorAll('.lane')) {
        const words = boxes(lane, 'svg.diagram-svg text');
        const frames = [...lane.querySelectorAll('svg.diagram-svg .node > rect')].map((el) => ({
          el,
          r: el.getBoundingClientRect(),
        }));
        // Words on one line run together when their boxes come within a pixel ("EmailDown").
        const runTogether = (a, b) =>
          Math.min(a.right, b.right) - Math.max(a.left, b.left) > -1 &&
          Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
        for (let i = 0; i < words.length; i++) {
          for (let j = i + 1; j < words.length; j++) {
            if (runTogether(words[i].r, words[j].r)) {
              out.push(`${name(words[i].el)} on ${name(words[j].el)}`);
            }
          }
        }
        // A node's big number stays inside its node ("10/10 busy" ran out of the workers' box).
        for (const word of boxes(lane, 'svg.diagram-svg .compact-status text')) {
          if (!frames.some((f) => inside(word.r, f.r)))
            out.push(`${name(word.el)} runs out of its node`);
        }
        const beside = boxes(lane, '.tally, .lane-header h2 > span, .browser, .clock');
        for (const a of beside) {
          for (const b of [...words, ...frames]) {
            if (hit(a.r, b.r)) out.push(`${name(a.el)} on ${name(b.el)}`);
          }
        }
        // The lane's name and badge against the customer's screen and the tallies.
        const heads = boxes(lane, '.lane-header h2 > span');
        const side = boxes(lane, '.browser, .clock, .link-button, .tally');
        for (const a of heads) {
          for (const b of side) if (hit(a.r, b.r)) out.push(`${name(a.el)} on ${name(b.el)}`);
        }
      }
      // Rendered sizes: the diagrams' words (font size times the drawing's scale) and the tallies.
      for (const svg of document.querySelectorAll('svg.diagram-svg')) {
        const k = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        for (const t of svg.querySelectorAll('text')) {
          if (!shown(t) || !t.textContent.trim()) continue;
          const px = parseFloat(getComputedStyle(t).fontSize) * k;
          if (px < floor - 0.05)
            out.push(`${name(t)} is drawn at ${px.toFixed(1)} px (< ${floor})`);
        }
      }
      for (const el of document.querySelectorAll('.tally-text, .lane-title, .lane-tag')) {
        if (!shown(el)) continue;
        const px = parseFloat(getComputedStyle(el).fontSize);
        if (px < floor - 0.05) out.push(`${name(el)} is ${px.toFixed(1)} px (< ${floor})`);
      }
      return out;
    },
    { floor, onScreen },
  );
}

/** The rendered sizes that should grow together: the diagrams' node titles, the tallies and the
 * close-up's text (px). */
export function scaleOf(page) {
  return page.evaluate(() => {
    let title = Infinity;
    for (const svg of document.querySelectorAll('svg.diagram-svg')) {
      const k = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      for (const t of svg.querySelectorAll('.node-title')) {
        if (t.getClientRects().length)
          title = Math.min(title, parseFloat(getComputedStyle(t).fontSize) * k);
      }
    }
    // Computed font size times any zoom on the way up (the close-up grows by zoom).
    const px = (selector) => {
      const el = document.querySelector(selector);
      if (!el || !el.getClientRects().length) return null;
      let zoom = 1;
      for (let e = el; e; e = e.parentElement) zoom *= parseFloat(getComputedStyle(e).zoom) || 1;
      return parseFloat(getComputedStyle(el).fontSize) * zoom;
    };
    return { title, tally: px('.tally-text'), closeup: px('.closeup') };
  });
}
