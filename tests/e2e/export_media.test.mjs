// Exports carry the images (issue 14, defect 4): a post with an image is exported from one
// profile, its size shown before anything is written, and imported on another profile,
// where the image shows with its alt text; in English and French.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { assertClean, launch, newContext, open } from './support/app.mjs';
import { serveDist } from './support/server.mjs';

let server, browser, dir;
before(async () => { server = await serveDist(); browser = await launch(); dir = await mkdtemp(join(tmpdir(), 'attache-media-')); });
after(async () => { await browser?.close(); await server?.close(); });

// A 2×2 PNG (its bytes are not text, so only a real binary round trip keeps it whole).
const PNG = { name: 'vitrine.png', mimeType: 'image/png', buffer: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEklEQVR4nGM4Mc0oykaEAUIBACOkBHVdUQB4AAAAAElFTkSuQmCC', 'base64') };

const WORDS = {
  'en-US': {
    text: 'Text of the post', alt: 'Describe this image for people who cannot see it (alt text)', save: 'Save draft',
    exportAll: 'Export everything', ready: (file, size) => `“${file}” is ready: ${size}, with 1 image. Nothing is written until you save it.`,
    saveFile: 'Save the file', importLabel: 'Import a file', replace: 'Replace everything', compose: 'Compose',
  },
  'fr-FR': {
    text: 'Texte de la publication', alt: 'Décrivez cette image pour les personnes qui ne la voient pas (texte alternatif)', save: 'Enregistrer le brouillon',
    exportAll: 'Tout exporter', ready: (file, size) => `«\u00a0${file}\u00a0» est prêt\u00a0: ${size}, avec 1 image. Rien n'est écrit avant que vous l'enregistriez.`,
    saveFile: 'Enregistrer le fichier', importLabel: 'Importer un fichier', replace: 'Tout remplacer', compose: 'Rédiger',
  },
};

for (const locale of ['en-US', 'fr-FR']) {
  test(`an export carries the post's image, says its size first, and another profile shows the image (${locale})`, async () => {
    const w = WORDS[locale];
    const a = await newContext(browser, { locale });
    const page = await open(a, server.url);
    await page.locator('#new-workspace-name').fill('Boulangerie Dupain');
    await page.keyboard.press('Enter');
    await page.locator('.workspace-name').first().waitFor();
    await page.goto(server.url + '/compose');
    await page.getByLabel(w.text).fill('La vitrine du matin');
    await page.locator('#post-images').setInputFiles(PNG);
    await page.getByLabel(w.alt).fill('Des baguettes dorées en vitrine');
    await page.getByRole('button', { name: w.save }).click();
    await page.locator('.post-item', { hasText: 'La vitrine du matin' }).waitFor();

    await page.goto(server.url + '/settings');
    await page.getByRole('button', { name: w.exportAll }).click();
    const ready = page.locator('#export-ready');
    await ready.waitFor();
    const shown = await ready.innerText();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: w.saveFile }).click(),
    ]);
    const file = join(dir, `${locale}-${download.suggestedFilename()}`);
    await download.saveAs(file);
    const { size } = await stat(file);
    const expected = await page.evaluate(([n, lang]) => {
      const [v, unit] = n >= 1e6 ? [n / 1e6, 'megabyte'] : n >= 1e3 ? [n / 1e3, 'kilobyte'] : [n, 'byte'];
      return new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(v);
    }, [size, locale.slice(0, 2)]);
    assert.equal(shown, w.ready(download.suggestedFilename(), expected), 'the size said is the size written');
    const backup = JSON.parse(await readFile(file, 'utf8'));
    assert.equal(backup.version, 4);
    assert.equal(backup.media.length, 1);
    assert.deepEqual(backup.members, [], 'no member records yet, but the file says so');
    assert.deepEqual(Buffer.from(backup.media[0].data, 'base64'), PNG.buffer);

    // another profile: nothing there, the file imported, the image is back with its alt text
    const b = await newContext(browser, { locale });
    const other = await open(b, server.url, '/settings');
    await other.getByLabel(w.importLabel).setInputFiles(file);
    await other.getByRole('button', { name: w.replace }).click();
    await other.getByRole('status').filter({ hasText: locale === 'fr-FR' ? 'Importation terminée' : 'Import done' }).waitFor();
    await other.goto(server.url + '/compose');
    await other.locator('.post-item', { hasText: 'La vitrine du matin' }).getByRole('link').first().click();
    const img = other.locator('.media-item img');
    await img.waitFor();
    await other.waitForFunction(() => {
      const i = document.querySelector('.media-item img');
      return i && i.complete && i.naturalWidth === 2;
    }, null, { timeout: 10_000 });
    assert.equal(await other.getByLabel(w.alt).inputValue(), 'Des baguettes dorées en vitrine');
    await assertClean(a); await assertClean(b);
    await a.close(); await b.close();
  });
}
