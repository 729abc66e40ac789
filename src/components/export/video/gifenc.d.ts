/** Types for gifenc (it ships none): the few calls the GIF export makes. */
declare module 'gifenc' {
  export type Palette = number[][];
  export interface GifEncoder {
    writeFrame(
      index: Uint8Array,
      width: number,
      height: number,
      options?: {
        palette?: Palette;
        delay?: number;
        repeat?: number;
        /** With `auto: false`: this frame is the first (it writes the screen and the palette). */
        first?: boolean;
        transparent?: boolean;
        transparentIndex?: number;
        /** GIF disposal method: 1 leaves the frame in place under the next. */
        dispose?: number;
      },
    ): void;
    writeHeader(): void;
    finish(): void;
    bytes(): Uint8Array<ArrayBuffer>;
    /** The bytes written so far; its reset() starts them over (the frames' state stays). */
    readonly stream: {
      bytes(): Uint8Array<ArrayBuffer>;
      bytesView(): Uint8Array<ArrayBuffer>;
      reset(): void;
    };
  }
  export function GIFEncoder(options?: { auto?: boolean; initialCapacity?: number }): GifEncoder;
  export function quantize(
    rgba: Uint8Array | Uint8ClampedArray,
    maxColors: number,
    options?: { format?: 'rgb565' | 'rgb444' | 'rgba4444' },
  ): Palette;
  export function applyPalette(
    rgba: Uint8Array | Uint8ClampedArray,
    palette: Palette,
    format?: 'rgb565' | 'rgb444' | 'rgba4444',
  ): Uint8Array;
}
