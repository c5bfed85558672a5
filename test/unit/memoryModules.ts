// An in-memory module source for tests: file name → text, recording what the analysis asked for.
import type { ModuleSource } from '../../server/src/analysis/facts/modules';

export function memoryModules(files: Record<string, string>): ModuleSource & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    read: (fileName) => {
      asked.push(fileName);
      return Object.hasOwn(files, fileName) ? files[fileName] : undefined;
    },
  };
}
