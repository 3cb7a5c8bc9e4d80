// Renders every BPMN model in processes/ to docs/diagrams/<id>.svg with bpmn-js's viewer in headless Chromium, so
// the README's diagrams are the deployed models and not screenshots that drift. Run: tools/diagrams/render.sh
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const viewer = readFileSync(join(import.meta.dirname, 'node_modules/bpmn-js/dist/bpmn-viewer.production.min.js'), 'utf8');
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
const work = mkdtempSync(join(tmpdir(), 'mmp-diagrams-'));

function models(dir) {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? models(path) : name.endsWith('.bpmn') ? [path] : [];
  });
}

for (const model of models(join(root, 'processes'))) {
  const xml = readFileSync(model, 'utf8');
  const page = join(work, basename(model, '.bpmn') + '.html');
  writeFileSync(page, `<!doctype html><html><body><div id="canvas" style="width:1600px;height:900px"></div>
<script>${viewer}</script>
<script>
  const viewer = new BpmnJS({ container: '#canvas' });
  viewer.importXML(${JSON.stringify(xml)})
    .then(() => viewer.saveSVG())
    .then(({ svg }) => { document.body.innerHTML = '<pre id="out">' + btoa(unescape(encodeURIComponent(svg))) + '</pre>'; })
    .catch(error => { document.body.innerHTML = '<pre id="error">' + error.message + '</pre>'; });
</script></body></html>`);
  const dom = execFileSync(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--virtual-time-budget=20000',
    '--dump-dom', 'file://' + page], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const out = /<pre id="out">([A-Za-z0-9+/=]+)<\/pre>/.exec(dom);
  if (!out) {
    throw new Error(`${model}: not rendered: ${(/<pre id="error">(.*?)<\/pre>/s.exec(dom) || [, dom.slice(0, 300)])[1]}`);
  }
  const id = /<bpmn:process id="([^"]+)"/.exec(xml)[1];
  const target = join(root, 'docs/diagrams', id + '.svg');
  // bpmn-js names arrow markers at random: number them in order, so an unchanged model draws the same file
  const markers = new Map();
  const svg = Buffer.from(out[1], 'base64').toString('utf8')
    .replace(/marker-[a-z0-9]+/g, id => markers.get(id) ?? markers.set(id, `marker-${markers.size + 1}`).get(id));
  writeFileSync(target, svg + '\n');
  console.log(`${model.slice(root.length + 1)} -> ${target.slice(root.length + 1)}`);
}
