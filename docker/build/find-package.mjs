import fs from 'node:fs';
import path from 'node:path';

/** Node's own lookup: the nearest node_modules/<name> above `from`, as a real path, or null. */
export function findPackage(name, from) {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (path.basename(dir) !== 'node_modules' && fs.existsSync(`${candidate}/package.json`)) {
      return fs.realpathSync(candidate);
    }
    if (dir === path.dirname(dir)) return null;
  }
}
