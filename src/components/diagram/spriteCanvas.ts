/** A small canvas to draw a sprite on: an element on a page, an OffscreenCanvas where there is
 * no document (a Worker drawing a video's frames), so the same drawing code serves both. */
export type SpriteCanvas = HTMLCanvasElement | OffscreenCanvas;

export function spriteCanvas(
  width = 300,
  height = 150,
): { canvas: SpriteCanvas; ctx: CanvasRenderingContext2D | null } {
  if (typeof document === 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    // The sprites' 2D calls are common to both kinds of context.
    return { canvas, ctx: canvas.getContext('2d') as unknown as CanvasRenderingContext2D | null };
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return { canvas, ctx: canvas.getContext('2d') };
}
