import path from 'node:path';
import type { Plugin } from 'vite';
import { mantineComponents } from './mantine-imports';

/**
 * The app's later start-up stages, in the order src/main.tsx imports them (after its own code):
 * each is evaluated in a task of its own, so no task of the start grows long.
 */
export const startStageSources = ['src/app/contract.ts', 'src/app/start.tsx'];

/**
 * One chunk per stage. Left to itself the bundler cut the stages' modules into a chunk for every
 * set of routes sharing them (twenty more files, 19 KB more on the board's first load), though
 * every route loads after the stages. Here each stage's chunk takes every module the stage
 * imports statically that an earlier stage (the entry first) does not; the routes' chunks keep
 * the rest, except that the board's route comes in two files (its own code, and what it shares
 * with other screens: `board-shared`). The sets are found when the module graph is complete,
 * before chunks are made.
 */
const entryStage = 'entry';

/** The board's route: the screen most people open first, so its code comes in as few files as can be. */
const boardSource = 'src/app/routes/board-route.tsx';

/** The app's own modules, not a library's. */
const isApp = (id: string) => !/[\\/]node_modules[\\/]/.test(id);

export function startStageChunks(root: string): Plugin {
  const stageOf = new Map<string, string>();
  const boardShared = new Set<string>();
  return {
    name: 'altitude-start-stages',
    apply: 'build',
    config: () => ({
      build: {
        rolldownOptions: {
          output: {
            codeSplitting: {
              groups: [
                // The entry's own modules first, as one group: a stage's group also takes what its
                // modules import, and without this it took modules the entry needs too (Mantine's
                // Box, React), so the entry imported the stages and evaluated them in its task.
                { name: 'entry', tags: ['$initial' as const], priority: startStageSources.length + 1 },
                ...startStageSources.map((source, i) => ({
                  name: path.basename(source, path.extname(source)),
                  // The app's own modules; the libraries they use follow them (a group takes its
                  // modules' imports). Matched by path, a library's barrel file would have pulled
                  // in every component it lists, used or not.
                  test: (id: string) => stageOf.get(id) === source && isApp(id),
                  // Earlier stages first: a module both reach belongs to the earlier one.
                  priority: startStageSources.length - i,
                })),
                // After the stages: what the board shares with other screens, in one file (buildEnd).
                { name: 'board-shared', test: (id: string) => boardShared.has(id), priority: 0 },
              ],
            },
          },
        },
      },
    }),
    buildEnd() {
      stageOf.clear();
      const reach = (start: string, seen: Set<string>) => {
        const stack = [start];
        const found: string[] = [];
        while (stack.length) {
          const id = stack.pop()!;
          if (seen.has(id)) continue;
          seen.add(id);
          found.push(id);
          const info = this.getModuleInfo(id);
          // Static imports only (the bundler's list can hold the dynamic ones too).
          const dynamic = new Set(info?.dynamicallyImportedIds ?? []);
          stack.push(...(info?.importedIds ?? []).filter((i) => !dynamic.has(i)));
        }
        return found;
      };
      const entries = [...this.getModuleIds()].filter((id) => this.getModuleInfo(id)?.isEntry);
      const seen = new Set<string>();
      for (const entry of entries) for (const id of reach(entry, seen)) stageOf.set(id, entryStage);
      for (const source of startStageSources) {
        const file = path.resolve(root, source);
        for (const id of reach(file, seen)) stageOf.set(id, source);
      }
      // The board's route in two files: its own code, and what it shares with other screens (which
      // those screens load too). Left to itself the bundler made a file for every set of screens
      // sharing a module: twenty files on the board, which HTTP/1.1 fetches six at a time.
      boardShared.clear();
      const board = path.resolve(root, boardSource);
      const stages = () => new Set(stageOf.keys());
      const boardModules = reach(board, stages()).filter(isApp);
      const others = new Set<string>();
      const routes = new Set([...this.getModuleIds()].flatMap((id) => this.getModuleInfo(id)?.dynamicallyImportedIds ?? []));
      for (const route of routes) if (route !== board && !stageOf.has(route)) for (const id of reach(route, stages())) others.add(id);
      for (const id of boardModules) if (others.has(id)) boardShared.add(id);
      const info = (id: string) => this.getModuleInfo(id);
      const othersUse = mantineComponents([...others].filter(isApp), info);
      for (const id of mantineComponents(boardModules, info)) if (othersUse.has(id)) boardShared.add(id);
    },
  };
}
