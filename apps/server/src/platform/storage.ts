// Attachments live behind one small interface: a folder on disk by default; an
// S3-compatible store can implement the same three calls.
import fs from 'node:fs/promises';
import path from 'node:path';

export interface FileStorage {
  put(key: string, data: Buffer): Promise<void>;
  get(key: string): Promise<Buffer>;
  remove(key: string): Promise<void>;
}

export function diskStorage(root: string): FileStorage {
  const file = (key: string) => {
    if (!/^[a-zA-Z0-9/_.-]+$/.test(key) || key.includes('..')) throw new Error(`bad storage key ${key}`);
    return path.join(root, key);
  };
  return {
    async put(key, data) {
      await fs.mkdir(path.dirname(file(key)), { recursive: true });
      await fs.writeFile(file(key), data);
    },
    get: (key) => fs.readFile(file(key)),
    remove: (key) => fs.rm(file(key), { force: true }),
  };
}
