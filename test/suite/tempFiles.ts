import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** A scratch folder under the OS temp dir; `remove()` deletes it. */
export interface TempFolder {
  dir: string;
  /** Writes `name` (relative) and returns its absolute path. */
  write(name: string, text: string): Promise<string>;
  remove(): Promise<void>;
}

export async function makeTempFolder(): Promise<TempFolder> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'relaybench-suite-'));
  return {
    dir,
    async write(name, text) {
      const file = path.join(dir, name);
      await writeFile(file, text);
      return file;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
