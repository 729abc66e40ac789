// The video file's sink: the muxer's positioned writes (mostly appended, a few laid over bytes
// already written) come back as the one file they describe, whatever the order and the sizes.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BlobSink } from '../../src/components/export/video/blobSink.ts';

const bytes = (...xs: number[]) => new Uint8Array(xs);

async function contents(sink: BlobSink): Promise<number[]> {
  return [...new Uint8Array(await sink.blob('video/webm').arrayBuffer())];
}

describe('the video file as Blob parts', () => {
  it('appends, lays a rewrite over the bytes it rewrote, and fills a gap with zeros', async () => {
    const sink = new BlobSink();
    sink.write(0, bytes(1, 2, 3, 4));
    sink.write(4, bytes(5, 6));
    // A size patched in a header already written.
    sink.write(1, bytes(9, 9));
    // Over the end: the first byte rewritten, the second appended.
    sink.write(5, bytes(7, 8));
    sink.write(8, bytes(10));
    expect(sink.size).toBe(9);
    expect(await contents(sink)).toEqual([1, 9, 9, 4, 5, 7, 8, 0, 10]);
    expect(sink.blob('video/webm').type).toBe('video/webm');
  });

  it('keeps a copy of each write, not the array the muxer may reuse', async () => {
    const sink = new BlobSink();
    const reused = bytes(1, 2, 3);
    sink.write(0, reused);
    reused.fill(0);
    sink.write(1, reused.subarray(0, 1));
    reused.fill(7);
    expect(await contents(sink)).toEqual([1, 0, 3]);
  });

  it('takes its writes through the WritableStream that StreamTarget writes to', async () => {
    const sink = new BlobSink();
    const writer = sink.writable.getWriter();
    await writer.write({ type: 'write', data: bytes(1, 2), position: 0 });
    await writer.write({ type: 'write', data: bytes(3), position: 0 });
    await writer.close();
    expect(await contents(sink)).toEqual([3, 2]);
  });

  it('gives the same file as writing every byte into one array, for any writes', async () => {
    const write = fc.record({
      position: fc.nat({ max: 200 }),
      data: fc.uint8Array({ minLength: 1, maxLength: 40 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(write, { maxLength: 30 }), async (writes) => {
        const sink = new BlobSink();
        const file: number[] = [];
        for (const w of writes) {
          sink.write(w.position, new Uint8Array(w.data));
          while (file.length < w.position) file.push(0);
          w.data.forEach((b, i) => (file[w.position + i] = b));
        }
        expect(sink.size).toBe(file.length);
        expect(await contents(sink)).toEqual(file);
      }),
      { numRuns: 200 },
    );
  });
});
