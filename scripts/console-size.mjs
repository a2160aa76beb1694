// The console's first page must stay small: the JavaScript index.html loads (its entry script and
// the chunks it preloads) at most 250 KB gzipped. Lazy chunks (the charts) are not counted. Run by
// `npm run build` after Vite; exits 1 beyond the budget.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'dist/apps/console');
const BUDGET = 250 * 1024;

const html = readFileSync(join(OUT, 'index.html'), 'utf8');
const scripts = [
  ...html.matchAll(/<script[^>]*\ssrc="\/console\/([^"]+)"/g),
  ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="\/console\/([^"]+)"/g),
].map((match) => match[1]);
if (scripts.length === 0) {
  console.error('console-size: index.html loads no script from /console/');
  process.exit(1);
}
let total = 0;
for (const file of new Set(scripts)) {
  const size = gzipSync(readFileSync(join(OUT, file)), { level: 9 }).length;
  total += size;
  console.log(`console-size: ${file} ${(size / 1024).toFixed(1)} KB gzipped`);
}
const verdict = `first page JavaScript ${(total / 1024).toFixed(1)} KB gzipped (budget ${BUDGET / 1024} KB)`;
if (total > BUDGET) {
  console.error(`console-size: ${verdict}: over budget`);
  process.exit(1);
}
console.log(`console-size: ${verdict}`);
