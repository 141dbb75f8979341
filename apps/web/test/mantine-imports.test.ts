import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { importsByName, mantineComponents, type ModuleInfo } from '../mantine-imports';

const barrel = '/repo/node_modules/@mantine/core/esm/index.mjs';
const barrelCode = [
  'import { Alert } from "./components/Alert/Alert.mjs";',
  'import { Badge } from "./components/Badge/Badge.mjs";',
  'import { Select } from "./components/Select/Select.mjs";',
  'import { Timeline, TimelineItem } from "./components/Timeline/Timeline.mjs";',
  'import { transitions } from "./components/Transition/transitions.mjs";',
  'export { Alert, Badge, Select, Timeline, TimelineItem, transitions as MANTINE_TRANSITIONS };',
].join('\n');
const component = (name: string) => `/repo/node_modules/@mantine/core/esm/components/${name}/${name}.mjs`;

const graph = (modules: Record<string, string>) => {
  const infos: Record<string, ModuleInfo> = { [barrel]: { code: barrelCode, importedIds: [] } };
  for (const [id, code] of Object.entries(modules)) infos[id] = { code, importedIds: code.includes('@mantine/core') ? [barrel] : [] };
  return (id: string) => infos[id] ?? null;
};

it("finds the component modules a module imports by name from Mantine's index, renamed or not", () => {
  const info = graph({
    '/repo/src/board.tsx': 'import { Alert, Badge as Tag } from "@mantine/core";\nimport { useId } from "@mantine/hooks";',
    '/repo/src/filters.tsx': "import {\n  Select,\n} from '@mantine/core';",
  });
  expect([...mantineComponents(['/repo/src/board.tsx', '/repo/src/filters.tsx'], info)].sort()).toEqual(
    [component('Alert'), component('Badge'), component('Select')].sort(),
  );
});

it('leaves out the components no module imports, and modules that import none', () => {
  const info = graph({ '/repo/src/plain.ts': 'import { z } from "zod";', '/repo/src/page.tsx': 'import { Alert } from "@mantine/core";' });
  const found = mantineComponents(['/repo/src/plain.ts', '/repo/src/page.tsx'], info);
  expect(found.has(component('Timeline'))).toBe(false);
  expect([...found]).toEqual([component('Alert')]);
  expect(mantineComponents(['/repo/src/plain.ts'], info).size).toBe(0);
});

it("reads the index Mantine ships: each component's name leads to its own module", () => {
  const real = fs.realpathSync(path.resolve(import.meta.dirname, '../node_modules/@mantine/core/esm/index.mjs'));
  const byName = importsByName(fs.readFileSync(real, 'utf8'), real);
  const dir = path.dirname(real);
  for (const name of ['MultiSelect', 'Select', 'TextInput', 'Table', 'Tooltip', 'Badge', 'Alert']) {
    expect(byName.get(name)).toBe(path.join(dir, 'components', name, `${name}.mjs`));
    expect(fs.existsSync(byName.get(name)!)).toBe(true);
  }
});
