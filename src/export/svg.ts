/** A chart on the page as a file: its <svg> serialized with the page's styles written onto each
 * element (so it looks the same outside the page), and as a PNG drawn from that SVG on a canvas. */

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The presentation properties the charts' CSS sets; written inline on the copy. */
const STYLED = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
] as const;

export interface ChartOnPage {
  svg: SVGSVGElement;
  /** The chart's title, with its lane when a chart has one plot per lane. */
  title: string;
}

/** The analysis charts on the page, in reading order, with their titles: a chart's title is in its
 * figure, or in its panel (the workers' and the order timeline's sections). */
export function chartsOnPage(
  root: ParentNode = document,
  /** The name of a chart without a title, by its place (from 1), in the page's language. */
  untitled: (n: number) => string = (n) => `Chart ${n}`,
): ChartOnPage[] {
  return [...root.querySelectorAll<SVGSVGElement>('svg.an-svg')].map((svg, i) => {
    const holder = svg.closest('figure, .an-panel');
    const title = holder?.querySelector('.an-title')?.textContent?.trim() || untitled(i + 1);
    const lane = svg.closest('.an-lane')?.querySelector('.an-lane-label')?.textContent?.trim();
    return { svg, title: lane ? `${title} (${lane})` : title };
  });
}

/** The chart as a standalone SVG document, with styles resolved and a white background. */
export function serializeSvg(svg: SVGSVGElement, title = ''): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, copy);
  const box = svg.viewBox.baseVal;
  const rect = svg.getBoundingClientRect();
  const width = box && box.width > 0 ? box.width : rect.width || 300;
  const height = box && box.height > 0 ? box.height : rect.height || 150;
  copy.setAttribute('xmlns', SVG_NS);
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  if (!copy.getAttribute('viewBox')) copy.setAttribute('viewBox', `0 0 ${width} ${height}`);
  copy.removeAttribute('class');
  // Patterns (the hatching of error bars) live in a hidden <svg> beside the chart.
  const figure = svg.closest('figure');
  const defs = figure ? [...figure.querySelectorAll('defs')].filter((d) => !svg.contains(d)) : [];
  for (const d of defs) copy.insertBefore(d.cloneNode(true), copy.firstChild);
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', '#ffffff');
  copy.insertBefore(background, copy.firstChild);
  if (title) {
    const t = document.createElementNS(SVG_NS, 'title');
    t.textContent = title;
    copy.insertBefore(t, copy.firstChild);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}\n`;
}

function inlineStyles(source: Element, target: Element): void {
  const computed = getComputedStyle(source);
  const style = STYLED.map((p) => [p, computed.getPropertyValue(p)] as const)
    .filter(([, v]) => v !== '')
    .map(([p, v]) => `${p}:${v}`)
    .join(';');
  if (style) target.setAttribute('style', style);
  const from = source.children;
  const to = target.children;
  for (let i = 0; i < from.length && i < to.length; i++) inlineStyles(from[i]!, to[i]!);
}

/** Draws an SVG document onto a canvas at `scale` and returns it as a PNG. */
export async function svgToPng(svgText: string, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(image.naturalWidth * scale);
    canvas.height = Math.round(image.naturalHeight * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This browser cannot draw on a canvas.');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
