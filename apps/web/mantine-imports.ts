// Which of Mantine's component modules the app's modules use, for the build's chunking (start-stages.ts).
import path from 'node:path';

export type ModuleInfo = { code: string | null; importedIds: readonly string[] } | null;

/**
 * The modules of Mantine's components that `modules` import by name from '@mantine/core'. Its
 * index re-exports every component, so following the module graph from it reaches all of them,
 * used or not; the names each module imports say which it uses.
 */
export function mantineComponents(modules: string[], info: (id: string) => ModuleInfo): Set<string> {
  const found = new Set<string>();
  let barrel: { id: string; modules: Map<string, string> } | null = null;
  for (const id of modules) {
    const { code, importedIds } = info(id) ?? { code: null, importedIds: [] };
    const index = importedIds.find((i) => /[\\/]@mantine[\\/]core[\\/]esm[\\/]index\.mjs$/.test(i));
    if (!code || !index) continue;
    barrel ??= { id: index, modules: importsByName(info(index)?.code ?? '', index) };
    for (const match of code.matchAll(/import\s*\{([^}]*)\}\s*from\s*["']@mantine\/core["']/g)) {
      for (const name of names(match[1]!)) {
        const module = barrel.modules.get(name);
        if (module) found.add(module);
      }
    }
  }
  return found;
}

/** `A, B as C, type D` → the imported names A, B (types are gone from the built code anyway). */
const names = (list: string) =>
  list
    .split(',')
    .map((s) =>
      s
        .trim()
        .split(/\s+as\s+/)[0]!
        .trim(),
    )
    .filter((s) => s && !s.startsWith('type '));

/** Each name a barrel file imports, with the module it imports it from (resolved against the barrel). */
export function importsByName(code: string, barrel: string): Map<string, string> {
  const byName = new Map<string, string>();
  for (const match of code.matchAll(/import\s*\{([^}]*)\}\s*from\s*["'](\.[^"']+)["']/g)) {
    const module = path.resolve(path.dirname(barrel), match[2]!);
    for (const name of names(match[1]!)) byName.set(name, module);
  }
  return byName;
}
