// What a browser test measures of the stage's colours that axe cannot: the diagram's words
// against the shapes under them, and the tokens on the canvas against what they are drawn over.
// Each returns its problems in words, empty when all is well.

/** Words in the diagrams whose colour has less than 4.5:1 (3:1 when large) against what is drawn
 * under them: the node's fill, the down email service's hatching (both its colours) or the lane.
 * axe leaves SVG text over SVG shapes to a person ("needs review"); this measures it. */
export function diagramTextContrast(page) {
  return page.evaluate(() => {
    const rgb = (css) => {
      const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(css ?? '');
      return m ? { c: [+m[1], +m[2], +m[3]], a: m[4] === undefined ? 1 : +m[4] } : null;
    };
    const lum = ([r, g, b]) => {
      const f = (v) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const ratio = (a, b) => {
      const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
      return (hi + 0.05) / (lo + 0.05);
    };
    /** The opaque colours under a point, topmost shape first (a pattern gives all its colours);
     * null when something over the diagram (a card, a dialog) hides the words anyway. */
    const under = (x, y, self) => {
      const svg = self.ownerSVGElement;
      for (const el of document.elementsFromPoint(x, y)) {
        if (el === self || el.closest('text') || el.tagName === 'CANVAS') continue;
        // Something opaque in front of the diagram (not one of its ancestors) hides the words.
        if (!(el instanceof SVGElement) && !el.contains(svg)) {
          const c = rgb(getComputedStyle(el).backgroundColor);
          if (c && c.a > 0.9) return null;
          continue;
        }
        const style = getComputedStyle(el);
        if (el instanceof SVGGeometryElement) {
          const fill = style.fill;
          const pattern = /url\("?#([^")]+)"?\)/.exec(fill)?.[1];
          if (pattern) {
            const p = document.getElementById(pattern);
            const colours = [...p.querySelectorAll('rect, line')].map((s) =>
              rgb(s.tagName === 'line' ? getComputedStyle(s).stroke : getComputedStyle(s).fill),
            );
            return colours.filter(Boolean).map((c) => c.c);
          }
          const c = rgb(fill);
          if (c && c.a > 0.9 && parseFloat(style.fillOpacity) > 0.9) return [c.c];
        } else if (!(el instanceof SVGElement)) {
          const c = rgb(style.backgroundColor);
          if (c && c.a > 0.9) return [c.c];
        }
      }
      return [[255, 255, 255]];
    };
    const out = [];
    for (const svg of document.querySelectorAll('svg.diagram-svg')) {
      // On a phone the lanes are a page apart: each is measured where it shows.
      svg.scrollIntoView({ block: 'end' });
      const k = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      for (const t of svg.querySelectorAll('text')) {
        if (!t.textContent.trim() || !t.getClientRects().length) continue;
        const box = t.getBoundingClientRect();
        if (box.top < 0 || box.bottom > window.innerHeight) continue;
        const style = getComputedStyle(t);
        const colour = rgb(style.fill);
        if (!colour) continue;
        const r = t.getBoundingClientRect();
        const px = parseFloat(style.fontSize) * k;
        const large = px >= 24 || (px >= 18.66 && parseInt(style.fontWeight, 10) >= 700);
        const need = large ? 3 : 4.5;
        for (const ground of under(r.left + r.width / 2, r.top + r.height / 2, t) ?? []) {
          const got = ratio(colour.c, ground);
          if (got < need) {
            out.push(
              `"${t.textContent.trim()}" is ${got.toFixed(2)}:1 on rgb(${ground}) (needs ${need})`,
            );
          }
        }
      }
    }
    return out;
  });
}

/** Tokens (and their rings and labels) on the canvases with less than `need`:1 against what they
 * are drawn over: each diagram is shot with and without its token canvas, the pixels that differ
 * are grouped into connected marks, and each mark's most contrasting pixel (its outline, mostly)
 * is measured against the same pixel without the canvas. `helper` is a blank page (no CSP) for
 * decoding the shots. Returns one line per failing mark, and how many marks were measured. */
export async function tokenContrast(page, helper, need = 3) {
  const out = [];
  let marks = 0;
  const diagrams = page.locator('.diagram');
  for (let d = 0; d < (await diagrams.count()); d++) {
    await diagrams.nth(d).scrollIntoViewIfNeeded();
    const clip = await diagrams.nth(d).boundingBox();
    if (!clip || clip.width < 10) continue;
    const withTokens = await page.screenshot({ clip });
    await page.addStyleTag({
      content: '.token-canvas, .focus-ring-anchor { visibility: hidden !important; }',
    });
    const without = await page.screenshot({ clip });
    await page.evaluate(() => document.head.lastElementChild?.remove());
    const result = await helper.evaluate(
      async ({ a64, b64, need }) => {
        const load = async (b64) => {
          const blob = await (await fetch(`data:image/png;base64,${b64}`)).blob();
          const bmp = await createImageBitmap(blob);
          const c = new OffscreenCanvas(bmp.width, bmp.height);
          const ctx = c.getContext('2d');
          ctx.drawImage(bmp, 0, 0);
          return ctx.getImageData(0, 0, bmp.width, bmp.height);
        };
        const A = await load(a64);
        const B = await load(b64);
        const { width: w, height: h } = A;
        const lum = (d, i) => {
          const f = (v) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
          return 0.2126 * f(d[i]) + 0.7152 * f(d[i + 1]) + 0.0722 * f(d[i + 2]);
        };
        const differs = new Uint8Array(w * h);
        for (let p = 0; p < w * h; p++) {
          const i = p * 4;
          const delta = Math.max(
            Math.abs(A.data[i] - B.data[i]),
            Math.abs(A.data[i + 1] - B.data[i + 1]),
            Math.abs(A.data[i + 2] - B.data[i + 2]),
          );
          differs[p] = delta > 24 ? 1 : 0;
        }
        const seen = new Uint8Array(w * h);
        const bad = [];
        let count = 0;
        for (let start = 0; start < w * h; start++) {
          if (!differs[start] || seen[start]) continue;
          const stack = [start];
          seen[start] = 1;
          let size = 0;
          let best = 0;
          let x0 = w;
          let y0 = h;
          while (stack.length) {
            const p = stack.pop();
            size++;
            const x = p % w;
            const y = (p - x) / w;
            x0 = Math.min(x0, x);
            y0 = Math.min(y0, y);
            const la = lum(A.data, p * 4);
            const lb = lum(B.data, p * 4);
            best = Math.max(best, (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05));
            for (let dy = -1; dy <= 1; dy++) {
              for (let dx = -1; dx <= 1; dx++) {
                const nx = x + dx;
                const ny = y + dy;
                if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
                const q = ny * w + nx;
                if (differs[q] && !seen[q]) {
                  seen[q] = 1;
                  stack.push(q);
                }
              }
            }
          }
          if (size < 12) continue;
          count++;
          if (best < need)
            bad.push(`a mark at (${x0}, ${y0}), ${size} px, at best ${best.toFixed(2)}:1`);
        }
        return { bad, count };
      },
      { a64: withTokens.toString('base64'), b64: without.toString('base64'), need },
    );
    marks += result.count;
    out.push(...result.bad.map((b) => `diagram ${d + 1}: ${b}`));
  }
  return { problems: out, marks };
}
