import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * Feature folders of an app import `domain/`, `settings/` and one another only one way: a cycle
 * between two folders (leads ↔ scoring, say) means neither can be read or changed on its own.
 */
const ROOT = resolve(__dirname, '../..');
const APPS = readdirSync(join(ROOT, 'apps'));

function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? typeScriptFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

/** Folder → the folders its files import by relative path (the app's root files are `(root)`). */
export function folderImports(src: string): Map<string, Set<string>> {
  const folderOf = (file: string) => {
    const parts = relative(src, file).split(sep);
    return parts.length > 1 ? parts[0] : '(root)';
  };
  const edges = new Map<string, Set<string>>();
  for (const file of typeScriptFiles(src))
    for (const [, target] of readFileSync(file, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
      const from = folderOf(file);
      const to = folderOf(resolve(dirname(file), target));
      if (from === to) continue;
      if (!edges.has(from)) edges.set(from, new Set());
      edges.get(from)!.add(to);
    }
  return edges;
}

/** The strongly connected groups of more than one folder (Tarjan). */
export function folderCycles(edges: Map<string, Set<string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (folder: string) => {
    index.set(folder, next);
    low.set(folder, next++);
    stack.push(folder);
    onStack.add(folder);
    for (const target of edges.get(folder) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(folder, Math.min(low.get(folder)!, low.get(target)!));
      } else if (onStack.has(target))
        low.set(folder, Math.min(low.get(folder)!, index.get(target)!));
    }
    if (low.get(folder) !== index.get(folder)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== folder);
    if (group.length > 1) cycles.push(group.sort());
  };
  for (const folder of edges.keys()) if (!index.has(folder)) visit(folder);
  return cycles;
}

describe('folder-level imports of each app have no cycles', () => {
  it('finds a cycle when there is one (the check can fail)', () => {
    const edges = new Map([
      ['leads', new Set(['domain', 'scoring'])],
      ['scoring', new Set(['domain', 'leads'])],
      ['domain', new Set<string>()],
    ]);
    expect(folderCycles(edges)).toEqual([['leads', 'scoring']]);
    expect(folderCycles(new Map([['leads', new Set(['domain'])]]))).toEqual([]);
  });

  it.each(APPS)('%s', (app) => {
    expect(folderCycles(folderImports(join(ROOT, 'apps', app, 'src')))).toEqual([]);
  });

  it('lead-funnel: the pure domain/ folder imports no other folder of the app', () => {
    const edges = folderImports(join(ROOT, 'apps/lead-funnel/src'));
    expect([...(edges.get('domain') ?? [])]).toEqual([]);
  });
});
