/** Where a video file is written as it is muxed: mediabunny's StreamTarget hands over positioned
 * writes, which are kept as Blob parts (Chromium keeps large blobs off the JavaScript heap, on
 * disk past a limit), so a 5-minute 1080p video does not grow the heap. The muxers mostly append;
 * a write over bytes already kept (a size or an index patched when a cluster or the file closes)
 * is kept aside and laid over the parts when the file is asked for. */
import type { StreamTargetChunk } from 'mediabunny';

/** Appended writes gathered before they become one Blob part: fewer, larger parts. */
const PART_BYTES = 4 * 1024 * 1024;

export class BlobSink {
  private readonly parts: Blob[] = [];
  private pending: Uint8Array<ArrayBuffer>[] = [];
  private pendingBytes = 0;
  /** Bytes written so far, end to end (the file's length). */
  private end = 0;
  private readonly patches: { position: number; data: Uint8Array<ArrayBuffer> }[] = [];

  /** The stream to give mediabunny's StreamTarget. */
  readonly writable = new WritableStream<StreamTargetChunk>({
    write: (chunk) => this.write(chunk.position, chunk.data),
  });

  get size(): number {
    return this.end;
  }

  write(position: number, data: Uint8Array<ArrayBuffer>): void {
    if (position > this.end) this.append(new Uint8Array(position - this.end));
    if (position < this.end) {
      const over = Math.min(data.length, this.end - position);
      // Copied: the muxer may reuse the array it handed over.
      this.patches.push({ position, data: data.slice(0, over) });
      if (over === data.length) return;
      data = data.subarray(over);
    }
    this.append(data.slice());
  }

  private append(data: Uint8Array<ArrayBuffer>): void {
    this.pending.push(data);
    this.pendingBytes += data.length;
    this.end += data.length;
    if (this.pendingBytes >= PART_BYTES) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.parts.push(new Blob(this.pending));
    this.pending = [];
    this.pendingBytes = 0;
  }

  /** The whole file, each patch laid over the bytes it rewrote, in the order written. */
  blob(type: string): Blob {
    this.flush();
    let file = new Blob(this.parts, { type });
    for (const { position, data } of this.patches) {
      file = new Blob([file.slice(0, position), data, file.slice(position + data.length)], {
        type,
      });
    }
    return file;
  }
}
