// The web app's messages: the same keys in Kazakh, Russian and English, every message valid
// ICU with the same arguments in each language, plural forms for every CLDR category the
// language has, a label for every enum value, and every key the code uses present.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { ANSWER_METHODS, APPEAL_KINDS, APPEAL_STATUSES, APPLICANT_TYPES, BODY_KINDS, CHANNELS, DIFFICULTIES, LANGUAGES, RESOLUTIONS, ROLES } from '@tyndau/contracts';

type Tree = { [k: string]: string | Tree };
const dir = import.meta.dirname;
const LANGS = ['kk', 'ru', 'en'] as const;
const messages = Object.fromEntries(LANGS.map((l) => [l, JSON.parse(fs.readFileSync(path.join(dir, `${l}.json`), 'utf8')) as Tree])) as Record<(typeof LANGS)[number], Tree>;

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}
const flat = Object.fromEntries(LANGS.map((l) => [l, flatten(messages[l])])) as Record<(typeof LANGS)[number], Map<string, string>>;

// ICU AST: type 1 argument, 2 number, 3 date, 4 time, 5 select, 6 plural, 8 tag.
interface Element {
  type: number;
  value?: string;
  options?: Record<string, { value: Element[] }>;
  pluralType?: 'cardinal' | 'ordinal';
  children?: Element[];
}

function walk(els: Element[], visit: (e: Element) => void) {
  for (const e of els) {
    visit(e);
    if (e.options) for (const o of Object.values(e.options)) walk(o.value, visit);
    if (e.children) walk(e.children, visit);
  }
}

test('every language has exactly the same keys', () => {
  const en = [...flat.en.keys()].sort();
  for (const l of ['kk', 'ru'] as const) {
    const keys = [...flat[l].keys()].sort();
    const missing = en.filter((k) => !flat[l].has(k));
    const extra = keys.filter((k) => !flat.en.has(k));
    assert.deepEqual(missing, [], `keys missing in ${l}.json`);
    assert.deepEqual(extra, [], `keys in ${l}.json that en.json lacks`);
  }
});

test('no message is empty', () => {
  for (const l of LANGS) for (const [k, v] of flat[l]) assert.ok(v.trim().length > 0, `${l}: ${k} is empty`);
});

test('every message is valid ICU, with the same arguments in every language', () => {
  for (const [key] of flat.en) {
    const args: Record<string, string[]> = {};
    for (const l of LANGS) {
      const text = flat[l].get(key)!;
      let ast: Element[];
      try {
        ast = new IntlMessageFormat(text, l).getAst() as unknown as Element[];
      } catch (e) {
        assert.fail(`${l}: ${key} is not valid ICU: ${(e as Error).message}`);
      }
      const names = new Set<string>();
      walk(ast, (e) => {
        if (e.type >= 1 && e.type <= 6 && e.value) names.add(e.value);
      });
      args[l] = [...names].sort();
    }
    assert.deepEqual(args.kk, args.en, `${key}: kk has other arguments than en`);
    assert.deepEqual(args.ru, args.en, `${key}: ru has other arguments than en`);
  }
});

test('plural messages give every CLDR form of their language (Russian one/few/many/other…)', () => {
  let plurals = 0;
  for (const l of LANGS) {
    const categories = new Intl.PluralRules(l).resolvedOptions().pluralCategories;
    for (const [key, text] of flat[l]) {
      const ast = new IntlMessageFormat(text, l).getAst() as unknown as Element[];
      walk(ast, (e) => {
        if (e.type !== 6 || e.pluralType === 'ordinal') return;
        plurals++;
        const given = Object.keys(e.options ?? {});
        for (const c of categories) assert.ok(given.includes(c), `${l}: ${key} lacks the plural form "${c}"`);
      });
    }
  }
  assert.ok(plurals >= 9, 'plural messages are checked');
  // The forms really differ where the language has them.
  const fmt = (l: string, n: number) => new IntlMessageFormat(flat[l as 'ru'].get('queue.shown')!, l).format({ count: n });
  assert.equal(fmt('ru', 1), 'Показано 1 обращение');
  assert.equal(fmt('ru', 3), 'Показано 3 обращения');
  assert.equal(fmt('ru', 5), 'Показано 5 обращений');
  assert.equal(fmt('ru', 21), 'Показано 21 обращение');
  assert.equal(fmt('en', 1), '1 appeal shown');
  assert.equal(fmt('en', 2), '2 appeals shown');
  assert.equal(fmt('kk', 2), '2 өтініш көрсетілді');
});

test('every value of the platform’s enums has a label in every language', () => {
  const groups: Record<string, readonly string[]> = {
    channel: CHANNELS,
    kind: APPEAL_KINDS,
    status: APPEAL_STATUSES,
    role: ROLES,
    resolution: RESOLUTIONS,
    answerMethod: ANSWER_METHODS,
    applicantType: APPLICANT_TYPES,
    difficulty: DIFFICULTIES,
    bodyKind: BODY_KINDS,
    language: LANGUAGES,
    competence: ['own', 'other', 'none'],
  };
  for (const l of LANGS)
    for (const [group, values] of Object.entries(groups))
      for (const v of values) assert.ok(flat[l].has(`enum.${group}.${v}`), `${l}: no label enum.${group}.${v}`);
  // Keys the code builds from these values.
  const built = [
    ...CHANNELS.map((c) => `channelPurpose.${c}`),
    ...APPEAL_KINDS.map((k) => `appeal.kindHint.${k}`),
    ...ANSWER_METHODS.map((m) => `appeal.answerHint.${m}`),
    ...[1, 2, 3, 4, 5].map((n) => `feedback.scoreLabel.${n}`),
    ...['triage', 'redirect', 'assign', 'requestInfo', 'infoReceived', 'extend', 'answer', 'sign', 'close', 'leave'].map((a) => `card.action.${a}`),
    ...['own', 'other', 'none'].map((c) => `action.competenceHint.${c}`),
    ...['queued', 'sending', 'sent', 'delivered', 'failed', 'held', 'cancelled', 'to_print', 'printed', 'posted'].map((s) => `outbox.statuses.${s}`),
    ...['open', 'overdue', 'dueSoon', 'targetMissed', 'redirectOverdue', 'lateRedirectsToday'].map((c) => `monitoring.count.${c}`),
  ];
  for (const l of LANGS) for (const k of built) assert.ok(flat[l].has(k), `${l}: no ${k}`);
});

/** Every source file of the web app. */
function sources(d: string): string[] {
  return fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(d, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.(ts|tsx)$/.test(e.name) && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

test('every key the code names exists (t(…), i18n.t(…), i18nKey)', () => {
  const src = path.resolve(dir, '..');
  const used = new Set<string>();
  for (const file of sources(src)) {
    const code = fs.readFileSync(file, 'utf8');
    for (const m of code.matchAll(/\bt\(\s*'([a-zA-Z][\w.]*)'/g)) used.add(m[1]);
  }
  assert.ok(used.size > 150, `found ${used.size} keys in the code`);
  const missing = [...used].filter((k) => !flat.en.has(k));
  assert.deepEqual(missing, [], 'keys used in the code but missing from en.json');
});

test('Kazakh and Russian messages are translated, not English left behind', () => {
  // Names that stay the same in every language.
  const SAME = /^(Tyndau|E-Otinish|SMS|Telegram|Instagram|Facebook|TikTok|YouTube|VK|CSV|XLSX|JSON|Open311|eGov|PDF|JPEG|PNG|WebP|DOCX|name@example\.kz|AST-\d{4}-\d+|[+\d\s]+)$/;
  for (const l of ['kk', 'ru'] as const) {
    for (const [key, en] of flat.en) {
      const text = flat[l].get(key)!;
      const words = text.replace(/\{[^{}]*\}/g, ' ').match(/[A-Za-z][A-Za-z-]{3,}/g) ?? [];
      const english = words.filter((w) => !SAME.test(w));
      if (english.length === 0) continue;
      assert.notEqual(text, en, `${l}: ${key} is still in English`);
      assert.ok(/[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]/.test(text), `${l}: ${key} has no Cyrillic: "${text}"`);
    }
  }
});

test('the Kazakh messages use Kazakh letters (not only Russian ones)', () => {
  const kazakh = [...flat.kk.values()].join(' ');
  for (const letter of 'әғқңөұүі') assert.ok(kazakh.includes(letter), `no "${letter}" in kk.json`);
});
