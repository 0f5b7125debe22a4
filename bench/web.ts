// How much JavaScript the web app makes a browser download, gzip-compressed: the portal's
// first page (the home page, in Kazakh: the entry, its static imports and the language
// chunk) against the staff workspace's own chunks. Budget: the first page ≤ 200 KB.
//   npm run bench:web            (builds apps/web if there is no build yet)
//   npm run bench:web -- --build (always rebuilds)
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'apps/web/dist');
const manifestPath = path.join(dist, '.vite/manifest.json');
const BUDGET = 200 * 1024;

interface Chunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

if (process.argv.includes('--build') || !fs.existsSync(manifestPath)) {
  console.log('building apps/web …');
  execFileSync('npm', ['run', 'build', '-w', 'apps/web'], { cwd: root, stdio: 'inherit' });
}

const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Record<string, Chunk>;
const gz = new Map<string, number>();
const gzipOf = (file: string) => {
  let n = gz.get(file);
  if (n === undefined) {
    n = zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length;
    gz.set(file, n);
  }
  return n;
};

/** Every chunk a module pulls in by static imports (what the browser must fetch before running it). */
function closure(keys: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (k: string) => {
    if (seen.has(k)) return;
    seen.add(k);
    for (const i of manifest[k]?.imports ?? []) visit(i);
  };
  keys.forEach(visit);
  return seen;
}

const keyOf = (suffix: string) => {
  const k = Object.keys(manifest).find((x) => x.endsWith(suffix));
  if (!k) throw new Error(`no chunk for ${suffix} in ${manifestPath}`);
  return k;
};
const jsBytes = (keys: Iterable<string>) => [...keys].filter((k) => manifest[k].file.endsWith('.js')).reduce((s, k) => s + gzipOf(manifest[k].file), 0);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

const entry = Object.keys(manifest).find((k) => manifest[k].isEntry)!;
// The first page: the entry, what it imports, and the messages of its language (loaded before the first render).
const firstPage = closure([entry, keyOf('src/i18n/kk.json')]);
const firstPageBytes = jsBytes(firstPage);

const staffEntries = Object.keys(manifest).filter((k) => /src\/routes\/staff\/.*\.tsx$/.test(k));
const staff = [...closure(staffEntries)].filter((k) => !firstPage.has(k));
const staffBytes = jsBytes(staff);

console.log('Tyndau web: JavaScript a browser downloads (gzip -9)\n');
console.log(`portal first page (/kk/):      ${kb(firstPageBytes).padStart(9)}  in ${[...firstPage].length} files   budget ${kb(BUDGET)}`);
for (const page of ['appeal-page', 'track-page', 'body-page']) {
  const extra = [...closure([keyOf(`src/routes/portal/${page}.tsx`)])].filter((k) => !firstPage.has(k));
  console.log(`  + ${page.padEnd(27)} ${kb(jsBytes(extra)).padStart(9)}  (fetched when the page is opened)`);
}
console.log(`staff workspace (lazy chunks): ${kb(staffBytes).padStart(9)}  in ${staff.length} files, none loaded by the portal`);
for (const lang of ['ru', 'en']) console.log(`  messages ${lang}: ${kb(gzipOf(manifest[keyOf(`src/i18n/${lang}.json`)].file))} (instead of kk)`);
const css = manifest[entry].css ?? [];
console.log(`portal CSS: ${kb(css.reduce((s, f) => s + gzipOf(f), 0))}`);

if (firstPageBytes > BUDGET) {
  console.error(`\nOVER BUDGET: the first page loads ${kb(firstPageBytes)} of JavaScript (budget ${kb(BUDGET)})`);
  process.exitCode = 1;
}
