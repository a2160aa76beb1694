import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { ROOT } from './support/tools';

const SKIP_DIRS = new Set(['node_modules', 'dist', '.data', '.git', 'coverage']);

/** Every file of the work tree with one of these extensions, outside build output and Helm templates. */
function listFiles(dir: string, extensions: RegExp, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      // Helm templates are Go templates, YAML only once rendered (the chart tests render them).
      const isHelmTemplates = entry.name === 'templates' && relative(ROOT, dir).startsWith('helm');
      if (!SKIP_DIRS.has(entry.name) && !isHelmTemplates) listFiles(path, extensions, out);
    } else if (extensions.test(entry.name)) {
      out.push(path);
    }
  }
  return out;
}

describe('YAML and JSON files of the repository', () => {
  const yamlFiles = listFiles(ROOT, /\.ya?ml$/);
  const jsonFiles = listFiles(join(ROOT, 'helm'), /\.json$/).concat(
    listFiles(join(ROOT, 'docker'), /\.json$/),
  );

  it('finds the deployment YAML files', () => {
    const names = yamlFiles.map((f) => relative(ROOT, f));
    expect(names).toEqual(
      expect.arrayContaining([
        'docker/compose.yaml',
        'helm/sales-suite/values.yaml',
        'helm/sales-suite/Chart.yaml',
        '.github/workflows/ci.yml',
      ]),
    );
  });

  it.each(yamlFiles.map((f) => [relative(ROOT, f)]))(
    '%s parses as YAML (no duplicate keys)',
    (file) => {
      const docs = parseAllDocuments(readFileSync(join(ROOT, file), 'utf8'));
      const errors = docs.flatMap((d) => d.errors.map((e) => e.message));
      expect(errors).toEqual([]);
    },
  );

  it.each(jsonFiles.map((f) => [relative(ROOT, f)]))('%s parses as JSON', (file) => {
    expect(() => JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as unknown).not.toThrow();
  });
});
