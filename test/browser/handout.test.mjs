// Every lesson's handout (`?handout=<id>`) printed by Chromium to PDF, on A4 and on Letter: one or
// two pages, none blank; its text holds the lesson's title, the answer, the numbers the engine
// gives for the lesson's run (scripts/handouts.mts) and every caption's moment; its QR code, read
// back from the printed page's pixels, is the lesson's link. Poppler's pdfinfo, pdftotext and
// pdftoppm read the PDFs (.ci/run installs poppler-utils). The PDFs and the first page of each
// as PNG are kept in artifacts/handouts/ to look at.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import decodeQR from 'qr/decode.js';
import { newPageWithErrors, ROOT, start } from '../../scripts/lib/browser.mjs';

const OUT = join(ROOT, 'artifacts', 'handouts');
const HANDOUTS = JSON.parse(
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/handouts.mts'],
    { cwd: ROOT, encoding: 'utf8' },
  ),
);

let app;
before(async () => {
  mkdirSync(OUT, { recursive: true });
  app = await start();
});
after(async () => {
  await app?.close();
});

function pageCount(pdf) {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)[1]);
}

/** A page of the PDF as grey pixels (a binary PGM from pdftoppm), at `dpi`; `crop` keeps the
 * top right corner's [width, height] fractions of the page, where the QR code is printed. */
function greyPage(pdf, n, dpi, crop = null) {
  const args = ['-r', String(dpi), '-gray', '-f', String(n), '-l', String(n)];
  if (crop) {
    // A4 and Letter are both about 8.3 by 11 inches.
    const [w, h] = [Math.round(8.3 * dpi * crop[0]), Math.round(11 * dpi * crop[1])];
    args.push('-x', String(Math.round(8.3 * dpi) - w), '-y', '0', '-W', String(w), '-H', String(h));
  }
  const pgm = execFileSync('pdftoppm', [...args, pdf], { maxBuffer: 64 << 20 });
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'));
  const [, width, height] = header.map(Number);
  return { width, height, grey: pgm.subarray(header[0].length) };
}

/** The text of the PDF with runs of white space as one space (lines wrap anywhere). */
function text(pdf) {
  return execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

describe('the lesson handouts printed to PDF', () => {
  it('cover every lesson', () => {
    assert.equal(HANDOUTS.length, 14);
  });

  for (const h of HANDOUTS) {
    it(`${h.id}: one or two pages on A4 and Letter, none blank, with its numbers and its link`, async () => {
      const { page, errors } = await newPageWithErrors(app.browser, {
        viewport: { width: 1280, height: 800 },
      });
      await page.goto(`${app.url}?v=1&handout=${h.id}`);
      await page.getByRole('heading', { level: 1, name: h.title }).waitFor();
      const link = `${app.url}?v=1&scenario=${h.id}`;
      assert.equal(
        await page
          .getByRole('img', { name: /^QR code for the lesson’s link/ })
          .getAttribute('data-qr-text'),
        link,
      );
      for (const format of ['A4', 'Letter']) {
        const pdf = join(OUT, `${h.id}-${format}.pdf`);
        writeFileSync(pdf, await page.pdf({ format }));
        const pages = pageCount(pdf);
        assert.ok(pages >= 1 && pages <= 2, `${format}: ${pages} pages`);
        for (let n = 1; n <= pages; n++) {
          const { grey } = greyPage(pdf, n, 30);
          const ink = grey.filter((v) => v < 128).length;
          assert.ok(ink > 500, `${format} page ${n} is blank (${ink} dark pixels)`);
        }
        const words = text(pdf);
        for (const expected of [
          h.title,
          h.answer,
          '✓ the answer',
          h.reveal.atEnd,
          h.lastCaption.label,
          h.end.label,
          ...h.lanes.flatMap((l) => [l.atLastCaption.join(' · '), l.atEnd.join(' · ')]),
          ...h.captions.map((c) => c.at),
        ]) {
          assert.ok(words.includes(expected), `${format}: "${expected}" is not in the PDF`);
        }
        // The printed code, read back from the page's pixels at an ordinary scanner's 150 dpi.
        const { width, height, grey } = greyPage(pdf, 1, 150, [0.45, 0.35]);
        const rgba = new Uint8Array(width * height * 4);
        for (let i = 0; i < width * height; i++) rgba.set([grey[i], grey[i], grey[i], 255], i * 4);
        assert.equal(decodeQR({ width, height, data: rgba }), link, `${format}: the QR code`);
      }
      execFileSync('pdftoppm', [
        '-r',
        '60',
        '-png',
        '-f',
        '1',
        '-l',
        '1',
        '-singlefile',
        join(OUT, `${h.id}-A4.pdf`),
        join(OUT, `${h.id}-A4`),
      ]);
      assert.deepEqual(errors, []);
      await page.close();
    });
  }

  it('answers a link to a lesson that does not exist with the list of handouts', async () => {
    const { page, errors } = await newPageWithErrors(app.browser, {
      viewport: { width: 1280, height: 800 },
    });
    await page.goto(`${app.url}?v=1&handout=no-such-lesson`);
    await page.getByRole('heading', { level: 1, name: 'Lesson handouts' }).waitFor();
    assert.match(
      await page.getByRole('alert').textContent(),
      /There is no lesson called “no-such-lesson”/,
    );
    assert.equal(await page.locator('.handout-index a').count(), HANDOUTS.length);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('is offered from the lesson’s Export group, and kept out of the first screen’s scripts', async () => {
    const { page, errors } = await newPageWithErrors(app.browser, {
      viewport: { width: 1280, height: 800 },
    });
    const loaded = [];
    page.on('request', (r) => loaded.push(r.url()));
    await page.goto(`${app.url}?v=1&scenario=email-outage`);
    const action = page.getByRole('link', { name: 'Lesson handout (print)' });
    await action.waitFor({ state: 'attached' });
    assert.equal(await action.getAttribute('href'), `${app.url}?v=1&handout=email-outage`);
    assert.equal(await action.getAttribute('target'), '_blank');
    assert.deepEqual(
      loaded.filter((u) => /HandoutPage/.test(u)),
      [],
      'the simulator does not load the handout',
    );
    assert.deepEqual(errors, []);
    await page.close();
  });
});
