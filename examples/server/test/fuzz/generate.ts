import * as z from 'zod/mini';
import { HOSTILE_TEXT } from '../../../../test/fixtures/hostile-text.js';

/**
 * Inputs for the fuzz suite, derived from an operation's zod schema: a plausible value (valid most of the
 * time, built from realistic examples the schema accepts) and mutations of it (hostile strings, wrong
 * types, deep nesting, huge and tiny numbers, missing and extra fields). All randomness comes from one
 * seeded generator, so a failure reproduces from its seed.
 */

/** mulberry32: small, fast and good enough to pick cases; the same seed gives the same run. */
export function prng(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (below) => Math.floor(next() * below),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
  };
}

export interface Random {
  next(): number;
  int(below: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}

interface Def {
  type: string;
  shape?: Record<string, Schema>;
  innerType?: Schema;
  element?: Schema;
  options?: readonly Schema[];
  values?: unknown[];
  entries?: Record<string, unknown>;
}
type Schema = z.core.$ZodType & { _zod: { def: Def } };

const year = new Date().getUTCFullYear();

/** Realistic strings, tried in turn until the schema accepts one: ids from the demo data, formats, keys. */
function realisticStrings(random: Random): string[] {
  const key = `fuzz-${random.int(2 ** 31).toString(16)}-${random.int(2 ** 31).toString(16)}-key`;
  return [
    random.pick(['inv_ada_1009', 'inv_ada_1008', 'inv_ada_1005', 'inv_analytical_301']),
    random.pick(['pm_ada_visa', 'pm_ada_mastercard', 'pm_ada_bank', 'pm_analytical_visa']),
    random.pick(['sub_ada_espresso', 'sub_ada_roasters', 'plan_espresso_club', 'plan_wholesale']),
    random.pick(['cus_ada', 'cus_new', 'cus_locked']),
    random.pick(['ada@example.com', 'fuzz@example.com', 'someone@analytical.example']),
    key,
    random.pick(['US', 'FR', 'GB']),
    random.pick(['EUR', 'USD']),
    `${year + 1}-0${1 + random.int(9)}-15`,
    `${year + 1}-03-15T10:00:00Z`,
    'https://shop.example/portal',
    random.pick(['example.com', 'analytical.example']),
    random.pick(['94103', '75002']),
    `tok_visa_05${year + 2}`,
    random.pick(['110000000', '000123456789']),
    'a-long-password-1',
    random.pick(['Ada Lovelace', 'Lovelace Ltd', 'Paid by cheque on Monday.']),
    random.pick(['#1d4ed8', 'rebeccapurple']),
    random.pick(['about', 'terms-of-service']),
  ];
}

const NUMBERS = [
  0,
  1,
  2,
  5,
  10,
  25,
  100,
  1250,
  5000,
  99_999,
  -1,
  0.5,
  1e21,
  1e308,
  -1e308,
  5e-324,
  2 ** 53 + 2,
];

/** A value the schema describes; valid unless no realistic example fits (then as close as we get). */
export function plausible(schema: Schema, random: Random, depth = 0): unknown {
  const def = schema._zod.def;
  switch (def.type) {
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(def.shape ?? {})) {
        if (field._zod.def.type === 'optional' && random.chance(0.4)) continue;
        value[key] = plausible(field, random, depth + 1);
      }
      return value;
    }
    case 'optional':
    case 'nullable':
    case 'default':
      return plausible(def.innerType!, random, depth);
    case 'array':
      return Array.from({ length: depth > 4 ? 0 : 1 + random.int(3) }, () =>
        plausible(def.element!, random, depth + 1),
      );
    case 'union':
      return plausible(random.pick(def.options!), random, depth);
    case 'enum':
      return random.pick(Object.values(def.entries ?? {}));
    case 'literal':
      return random.pick(def.values ?? []);
    case 'boolean':
      return random.chance(0.5);
    case 'number':
      return firstAccepted(schema, [random.pick([1, 2, 10, 100, 1250]), ...NUMBERS], random);
    case 'string':
      return firstAccepted(schema, realisticStrings(random), random);
    default:
      return hostileLeaf(random);
  }
}

function firstAccepted(schema: Schema, candidates: unknown[], random: Random): unknown {
  for (const candidate of candidates) if (z.safeParse(schema, candidate).success) return candidate;
  return random.pick(candidates);
}

const UNSTORABLE = ['a\u0000b', '\u0000', 'x\uD800y', '\uDFFF', 'inv_ada_1009\u0000'];

/** Something to put where a value belongs: hostile text, the wrong type, nesting, an extreme number. */
export function hostileLeaf(random: Random): unknown {
  switch (random.int(8)) {
    case 0:
    case 1:
      return random.pick(HOSTILE_TEXT).text;
    case 2:
      return random.pick(UNSTORABLE);
    case 3:
      return random.pick(NUMBERS.concat([-0, 1.000001, -(2 ** 63), 2 ** 64]));
    case 4:
      return random.pick([null, true, false, '', ' ', [], {}, '0', '-1', 'NaN', 'Infinity', '1e400', 'null']);
    case 5:
      return nested(random, 1 + random.int(random.chance(0.2) ? 3000 : 40));
    case 6:
      return 'x'.repeat(random.pick([201, 257, 2001, 70_000]));
    default:
      // Parsed, so __proto__ is an own key as it is in a request body, not this object's prototype.
      return JSON.parse(
        '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"toString":1}',
      );
  }
}

/** Arrays or objects `depth` levels deep. */
export function nested(random: Random, depth: number): unknown {
  let value: unknown = random.pick(['deep', 1, null]);
  for (let level = 0; level < depth; level++) value = random.chance(0.5) ? [value] : { a: value };
  return value;
}

/** Every path to a value inside `value` (objects and arrays), the root excluded. */
function leafPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return prefix.length ? [prefix] : [];
  const entries = Array.isArray(value)
    ? value.map((each, index) => [index, each] as const)
    : Object.entries(value);
  const paths: (string | number)[][] = prefix.length ? [prefix] : [];
  for (const [key, each] of entries) paths.push(...leafPaths(each, [...prefix, key]));
  return paths;
}

function setAt(
  root: unknown,
  path: (string | number)[],
  change: (parent: Record<string | number, unknown>, key: string | number) => void,
) {
  let parent = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  change(parent, path[path.length - 1]);
}

export type Mutation = 'none' | 'replace' | 'remove' | 'extra' | 'replace-root';

/** One mutation of a plausible object input (changed in place, returned for convenience). */
export function mutate(
  value: Record<string, unknown>,
  random: Random,
): { value: unknown; mutation: Mutation } {
  const roll = random.next();
  if (roll < 0.25) return { value, mutation: 'none' };
  const paths = leafPaths(value);
  if (roll < 0.7 && paths.length > 0) {
    setAt(value, random.pick(paths), (parent, key) => {
      parent[key] = hostileLeaf(random);
    });
    // Not inside a deep nesting the first change put there: two of them, one in the other, would go past
    // what JSON.stringify can write (about 5,000 levels), and the test, not the server, would fail.
    const more = leafPaths(value).filter((path) => path.length <= 50);
    if (random.chance(0.3) && more.length > 0) {
      setAt(value, random.pick(more), (parent, key) => {
        parent[key] = hostileLeaf(random);
      });
    }
    return { value, mutation: 'replace' };
  }
  if (roll < 0.8 && paths.length > 0) {
    setAt(value, random.pick(paths), (parent, key) => {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    });
    return { value, mutation: 'remove' };
  }
  if (roll < 0.93) {
    const key = random.pick(['extra', 'isAdmin', 'customerId', 'amount', 'id', '__proto__', 'constructor']);
    Object.defineProperty(value, key, { value: hostileLeaf(random), enumerable: true, writable: true });
    return { value, mutation: 'extra' };
  }
  return { value: hostileLeaf(random), mutation: 'replace-root' };
}
