// ARCHITECTURE.md's rule "each module writes only its own tables", checked on the source:
// every Kysely call and raw SQL statement that names a table is matched against the module
// whose `*.tables.ts` declares it. Reading another module's tables is allowed only along
// the pairs listed in READS (read models: lists, statistics, alerts), so a new reach is a
// decision someone writes down here and in ARCHITECTURE.md.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const MODULES = join(import.meta.dirname, 'modules');

/** module -> the modules whose tables it may read. */
const READS: Record<string, readonly string[]> = {
  analytics: ['appeals', 'bodies', 'process'],
  appeals: ['auth', 'bodies', 'process', 'reception'],
  audit: ['appeals', 'auth'],
  auth: ['bodies'],
  blog: ['auth', 'bodies'],
  calls: ['appeals', 'bodies'],
  citymap: ['appeals', 'auth', 'bodies'],
  deadlines: ['appeals', 'auth', 'bodies'],
  drafts: ['auth', 'bodies'],
  exchange: ['appeals', 'bodies'],
  knowledge: ['auth', 'bodies'],
  kpi: ['appeals', 'auth', 'bodies', 'calls', 'deadlines', 'process', 'reception'],
  notify: ['appeals', 'auth', 'bodies'],
  open311: ['appeals'],
  opendata: ['appeals', 'bodies'],
  process: ['appeals', 'auth', 'bodies'],
  qa: ['appeals', 'auth', 'bodies'],
  reception: ['appeals', 'auth', 'bodies'],
  routing: ['appeals', 'bodies'],
  site: ['appeals', 'bodies'],
  social: ['appeals', 'bodies'],
};

/**
 * The one write across a boundary: a calendar change recounts the terms of open appeals.
 * appeals depends on deadlines for the terms of intake, so the reverse import would be a cycle.
 */
const WRITES: Record<string, readonly string[]> = { deadlines: ['appeal'] };

const WRITE = /^(insertInto|updateTable|deleteFrom|mergeInto|insert into|update|delete from)$/;

function filesOf(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.includes('fixtures'))
    .map((e) => join(e.parentPath, e.name));
}

/** table (camelCase, as Kysely names it) -> owning module */
function owners(): Map<string, string> {
  const owner = new Map<string, string>();
  for (const m of readdirSync(MODULES)) {
    for (const f of readdirSync(join(MODULES, m)).filter((n) => n.endsWith('.tables.ts'))) {
      const src = readFileSync(join(MODULES, m, f), 'utf8');
      for (const block of src.matchAll(/export interface \w+Tables \{([^}]*)\}/g)) for (const t of block[1].matchAll(/^\s+(\w+):/gm)) owner.set(t[1], m);
    }
  }
  return owner;
}

const snake = (camel: string) => camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

interface Touch {
  module: string;
  file: string;
  line: number;
  verb: string;
  table: string;
  owner: string;
}

export function foreignTouches(): Touch[] {
  const owner = owners();
  const bySnake = new Map([...owner.keys()].map((t) => [snake(t), t]));
  const out: Touch[] = [];
  for (const module of readdirSync(MODULES)) {
    for (const file of filesOf(join(MODULES, module))) {
      const src = readFileSync(file, 'utf8');
      const at = (i: number) => src.slice(0, i).split('\n').length;
      for (const m of src.matchAll(/\.(selectFrom|insertInto|updateTable|deleteFrom|mergeInto|innerJoin|leftJoin|rightJoin|fullJoin)\(\s*'(\w+)/g)) {
        const o = owner.get(m[2]);
        if (o && o !== module) out.push({ module, file, line: at(m.index), verb: m[1], table: m[2], owner: o });
      }
      for (const m of src.matchAll(/\b(from|join|update|insert into|delete from)\s+(\w+)\b/g)) {
        const t = bySnake.get(m[2]);
        const o = t && owner.get(t);
        if (t && o && o !== module) out.push({ module, file, line: at(m.index), verb: m[1], table: t, owner: o });
      }
    }
  }
  return out;
}

const where = (t: Touch) => `${t.file.slice(MODULES.length + 1)}:${t.line} ${t.verb} ${t.table} (owned by ${t.owner})`;

test('a module writes only its own tables', () => {
  const writes = foreignTouches().filter((t) => WRITE.test(t.verb) && !(WRITES[t.module] ?? []).includes(t.table));
  assert.deepEqual(writes.map(where), [], 'change another module\'s table through a function its index.ts exports');
});

test('a module reads another module\'s tables only along the declared read models', () => {
  const reads = foreignTouches().filter((t) => !WRITE.test(t.verb) && !(READS[t.module] ?? []).includes(t.owner));
  assert.deepEqual(reads.map(where), [], 'read through the owner\'s functions, or declare the read model in READS and ARCHITECTURE.md');
});

test('the scan sees a foreign touch (the check is not blind)', () => {
  assert.ok(foreignTouches().some((t) => t.module === 'process' && t.owner === 'appeals'), 'process reads the register');
});
