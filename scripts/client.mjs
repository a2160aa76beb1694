// The typed client's inputs, generated from the code: `generate` writes the gateway's OpenAPI
// document (built in-process, no running suite) to libs/client/openapi.json and its TypeScript
// types to libs/client/src/schema.d.ts; `check` (in `npm test`) fails when either differs from
// what the code generates now, then lints the document with Redocly's recommended rules.
// Both need a build (`npm run build`): the document comes from dist/.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import prettier from 'prettier';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DOCUMENT = join(ROOT, 'libs/client/openapi.json');
const SCHEMA = join(ROOT, 'libs/client/src/schema.d.ts');
const PRINTER = join(ROOT, 'dist/apps/gateway/src/openapi/print-document.js');

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', ...options });
  if (result.error) throw result.error;
  return result;
}

function generateDocument() {
  const result = run(process.execPath, [PRINTER], { maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    process.stderr.write(result.stderr);
    throw new Error(`${relative(ROOT, PRINTER)} failed (run npm run build first)`);
  }
  return result.stdout;
}

async function generateTypes(document) {
  const ast = await openapiTS(JSON.parse(document));
  const options = (await prettier.resolveConfig(SCHEMA)) ?? {};
  return prettier.format(astToString(ast), { ...options, filepath: SCHEMA });
}

function read(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

async function main(mode) {
  const document = generateDocument();
  const types = await generateTypes(document);
  if (mode === 'generate') {
    writeFileSync(DOCUMENT, document);
    writeFileSync(SCHEMA, types);
    console.log(`wrote ${relative(ROOT, DOCUMENT)} and ${relative(ROOT, SCHEMA)}`);
    return 0;
  }
  const stale = [
    [DOCUMENT, document],
    [SCHEMA, types],
  ].filter(([file, expected]) => read(file) !== expected);
  if (stale.length > 0) {
    for (const [file] of stale) console.error(`${relative(ROOT, file)} differs from the code`);
    console.error(
      'The OpenAPI document or the client types are stale: run npm run client:generate',
    );
    return 1;
  }
  const lint = run(
    process.execPath,
    [join(ROOT, 'node_modules/@redocly/cli/bin/cli.js'), 'lint', DOCUMENT],
    {
      stdio: 'inherit',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    },
  );
  return lint.status ?? 1;
}

const mode = process.argv[2];
if (mode !== 'generate' && mode !== 'check') {
  console.error('usage: node scripts/client.mjs generate|check');
  process.exit(2);
}
process.exitCode = await main(mode);
