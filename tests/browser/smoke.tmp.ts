import { buildTestViewer, launch, open, screenshot, serve } from '/work/main/tests/browser/harness.ts';
const dist = await buildTestViewer();
const server = await serve(dist, process.env.AN ?? '/work/main/out/analysis.json');
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
page.on('console', (m) => console.log('console:', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror:', e.message));
for (const [name, hash] of [
  ['cov', '#view=coverage'],
  ['cov-cell', '#view=coverage&plan=qnh-implementation&group=TG3'],
  ['reader', '#view=reader&plan=qng-implementation'],
  ['reader-orig', '#view=reader&plan=qnh-implementation&orig=1'],
  ['compare', '#view=compare&a=qng-implementation&b=qnh-implementation'],
  ['corpus', '#view=corpus&q=doi%20ngoai&lang=en'],
]) {
  await open(page, server.url + hash);
  await screenshot(page, 'smoke-' + name);
}
await browser.close(); await server.close();
