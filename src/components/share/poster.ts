/** The poster image for tools that cannot show an iframe (Google Slides): the diagrams as they are
 * now, drawn onto one canvas under a title, as a PNG blob. */
import '../../i18n/parts/exports.ts';
import type { Translate } from '../../i18n/react.tsx';

const WIDTH = 1600;
const PAD = 48;
const TITLE_H = 96;
/** Room above each diagram for its lane's name. */
const LABEL_H = 40;
/** Computed styles copied onto the cloned SVG, since the stylesheet does not travel with it. */
const STYLE_PROPS = [
  'fill',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'opacity',
  'font-size',
  'font-weight',
  'font-family',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
];

/** Where each lane goes on the poster, and how tall the poster is: pure, for tests. */
export function posterLayout(aspects: readonly number[]): {
  height: number;
  boxes: { x: number; y: number; w: number; h: number }[];
} {
  const w = WIDTH - 2 * PAD;
  let y = TITLE_H + PAD;
  const boxes = aspects.map((aspect) => {
    y += LABEL_H;
    const h = Math.round(w / aspect);
    const box = { x: PAD, y, w, h };
    y += h + PAD / 2;
    return box;
  });
  return { height: y + PAD / 2, boxes };
}

function inlineStyles(source: Element, clone: Element): void {
  const style = getComputedStyle(source);
  const text = STYLE_PROPS.map((p) => `${p}:${style.getPropertyValue(p)}`).join(';');
  clone.setAttribute('style', text);
  for (let i = 0; i < source.children.length; i++) {
    const child = clone.children[i];
    if (child) inlineStyles(source.children[i]!, child);
  }
}

function svgImage(svg: SVGSVGElement, t: Translate): Promise<HTMLImageElement> {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, clone);
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const data = new XMLSerializer().serializeToString(clone);
  const image = new Image();
  return new Promise((resolve, reject) => {
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error(t('poster.diagramFailed')));
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(data)}`;
  });
}

/** Draws every `.diagram` (its SVG and token canvas) in `root` under `title`; `t` words what
 * went wrong, if anything does. */
export async function drawPoster(
  root: ParentNode,
  title: string,
  subtitle: string,
  t: Translate,
): Promise<Blob> {
  const diagrams = [...root.querySelectorAll<HTMLElement>('.diagram')];
  const aspects = diagrams.map((d) => {
    const r = d.getBoundingClientRect();
    return r.height > 0 ? r.width / r.height : 900 / 336;
  });
  const layout = posterLayout(aspects);
  const canvas = document.createElement('canvas');
  canvas.width = WIDTH;
  canvas.height = layout.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error(t('poster.noCanvas'));
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, WIDTH, layout.height);
  ctx.fillStyle = '#1b2230';
  ctx.font = '700 44px system-ui, sans-serif';
  ctx.fillText(title, PAD, PAD + 40);
  ctx.fillStyle = '#566071';
  ctx.font = '26px system-ui, sans-serif';
  ctx.fillText(subtitle, PAD, PAD + 82);
  for (const [i, diagram] of diagrams.entries()) {
    const box = layout.boxes[i]!;
    const label = diagram.closest('.lane')?.querySelector('h2')?.textContent ?? '';
    ctx.fillStyle = '#1b2230';
    ctx.font = '600 28px system-ui, sans-serif';
    ctx.fillText(label, box.x, box.y - 10);
    const svg = diagram.querySelector('svg');
    if (svg) ctx.drawImage(await svgImage(svg, t), box.x, box.y, box.w, box.h);
    const tokens = diagram.querySelector('canvas');
    if (tokens && tokens.width > 0) ctx.drawImage(tokens, box.x, box.y, box.w, box.h);
  }
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error(t('poster.noPng')))), 'image/png'),
  );
}
