/**
 * The plain-JavaScript shape readers (src/locations/plain.ts, fields.ts) must be invisible: for
 * every value they either answer exactly what the field's zod schema outputs, or say "not sure"
 * and let zod answer. These properties mutate valid locations at random depths (wrong types,
 * missing and extra keys, exotic objects) and compare both paths.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseFieldShape, readFieldPlain } from '../../src/locations/fields.ts';
import { LOCATION_FIELDS } from '../../src/locations/model.ts';
import type { FieldError, LocationField } from '../../src/locations/model.ts';
import { validateLocation, validateLocationByZod } from '../../src/locations/validate.ts';
import { generatedLocation } from '../support/generate.ts';
import { validInput } from './fixtures.ts';

/** Every optional part filled in, so mutations reach every nested schema. */
function richInput(): Record<string, unknown> {
  return {
    ...validInput(),
    status: 'CLOSED_TEMPORARILY',
    statusDate: '2027-01-10',
    socialProfiles: [
      { network: 'INSTAGRAM', url: 'https://www.instagram.com/ramen_tenpo' },
      { network: 'X', url: 'https://x.com/ramen_tenpo' },
    ],
    specialHours: [
      { startDate: '2026-12-31', endDate: '2027-01-03', closed: true, intervals: [] },
      { startDate: '2027-01-04', closed: false, intervals: [{ open: '12:00', close: '18:00' }] },
      { startDate: '2027-01-05', endDate: null, closed: false, intervals: null },
    ],
    attributes: [
      { key: 'takeout', value: true },
      { key: 'wifi', value: 'free' },
      { key: 'payment_methods', value: ['qr_paypay', 'cash'] },
      { key: 'menu_url', value: 'https://ramen-tenpo.example.jp/menu' },
    ],
    photos: [
      { url: 'https://cdn.example.jp/logo.png', kind: 'LOGO', caption: null },
      { url: 'https://cdn.example.jp/front.jpg', kind: 'EXTERIOR', caption: '正面' },
      { url: 'https://cdn.example.jp/inside.jpg', kind: 'INTERIOR' },
    ],
  };
}

const templates: (() => Record<string, unknown>)[] = [
  validInput,
  richInput,
  () => JSON.parse(JSON.stringify(generatedLocation(7))) as Record<string, unknown>,
  () => JSON.parse(JSON.stringify(generatedLocation(14))) as Record<string, unknown>,
  () => ({ storeCode: 'A1', name: 'Shop', address: { country: 'JP' }, primaryCategory: 'cafe' }),
];

class Box {
  constructor(readonly open = '10:00', readonly close = '11:00') {}
}

const nullProto = (entries: Record<string, unknown>): object => Object.assign(Object.create(null) as object, entries);

/** Replacement values: right type in the wrong place, almost-right objects, and oddities zod accepts or rejects differently. */
const oddValue = fc.oneof(
  fc.constantFrom<unknown>(null, undefined, '', 'x', '10:00', 'MONDAY', 'OPEN', 'LOGO', 'X', 'JP', 0, -0, 42.5, Number.NaN, Infinity, true, false, [], {}),
  fc.constantFrom<() => unknown>(
    () => new String('10:00'),
    () => new Number(1),
    () => new Date(0),
    () => new Box(),
    () => nullProto({ open: '10:00', close: '11:00' }),
    () => nullProto({ country: 'JP' }),
    () => [, 'a'], // a hole, which zod reads as undefined
    () => ['a', 1],
    () => [{ open: '10:00', close: '11:00' }],
    () => ({ open: '10:00', close: '11:00', extra: 1 }),
    () => ({ open: '10:00' }),
    () => ({ key: 'takeout', value: [true] }),
    () => Object.create({ inherited: 1 }) as object,
  ).map((make) => make()),
  fc.anything({ withBoxedValues: true, withNullPrototype: true, withSparseArray: true, withDate: true, withMap: true }),
);

type Op = { at: number; key: number; kind: 'set' | 'delete' | 'extra' | 'undefined'; value: unknown };

const op: fc.Arbitrary<Op> = fc.record({
  at: fc.nat(),
  key: fc.nat(),
  kind: fc.constantFrom<Op['kind']>('set', 'set', 'set', 'delete', 'extra', 'undefined'),
  value: oddValue,
});

/** Every object and array inside `value` (the root included), before any mutation. */
function containers(value: unknown, out: (Record<string, unknown> | unknown[])[] = []): (Record<string, unknown> | unknown[])[] {
  if (typeof value === 'object' && value !== null) {
    out.push(value as Record<string, unknown>);
    for (const child of Object.values(value)) containers(child, out);
  }
  return out;
}

function mutate(input: Record<string, unknown>, ops: Op[]): Record<string, unknown> {
  const targets = containers(input);
  for (const { at, key, kind, value } of ops) {
    const target = targets[at % targets.length] as Record<string, unknown>;
    const keys = Object.keys(target);
    const name = keys.length > 0 ? (keys[key % keys.length] as string) : '0';
    if (kind === 'set') target[name] = value;
    else if (kind === 'undefined') target[name] = undefined;
    else if (kind === 'delete') delete target[name];
    else target.extra = value;
  }
  return input;
}

// Deep mutations rarely land on a given top-level field, so some fields are also replaced whole.
const mutated = fc
  .record({
    template: fc.nat(templates.length - 1),
    ops: fc.array(op, { maxLength: 4 }),
    fields: fc.dictionary(fc.constantFrom(...LOCATION_FIELDS), oddValue, { maxKeys: 2 }),
  })
  .map(({ template, ops, fields }) => ({ ...mutate((templates[template] as () => Record<string, unknown>)(), ops), ...fields }));

/** Runs one field's plain reader and checks it against zod; returns whether the plain reader answered. */
function checkField(field: LocationField, value: unknown): boolean {
  const plain = readFieldPlain(field, value);
  if (plain === undefined) return false;
  const errors: FieldError[] = [];
  const zod = parseFieldShape(field, value, errors);
  expect(errors).toEqual([]);
  expect(plain).toEqual(zod);
  return true;
}

describe('plain shape readers', () => {
  test('answer for every field of the valid fixtures and generated rows', () => {
    for (const input of [...templates.map((t) => t()), ...Array.from({ length: 50 }, (_, i) => generatedLocation(i))]) {
      for (const field of LOCATION_FIELDS) {
        const value: unknown = (input as Record<string, unknown>)[field];
        expect(checkField(field, value), field).toBe(true);
      }
    }
  });

  test('answer what zod outputs, or leave the value to zod', () => {
    let answered = 0;
    let deferred = 0;
    fc.assert(
      fc.property(mutated, (input) => {
        for (const field of LOCATION_FIELDS) {
          if (checkField(field, input[field])) answered++;
          else deferred++;
        }
      }),
      { numRuns: 2000 },
    );
    // Both outcomes must be common, or the property above proves little.
    expect(answered).toBeGreaterThan(10_000);
    expect(deferred).toBeGreaterThan(1_000);
  });

  test('leave objects that are not plain data to zod', () => {
    expect(readFieldPlain('regularHours', [{ day: 'MONDAY', intervals: [new Box()] }])).toBeUndefined();
    expect(readFieldPlain('address', Object.create({ country: 'JP' }))).toBeUndefined();
    expect(readFieldPlain('address', nullProto({ country: 'JP' }))).toEqual(parseFieldShape('address', nullProto({ country: 'JP' }), []));
    expect(readFieldPlain('labels', ['a', , 'b'])).toBeUndefined();
    expect(readFieldPlain('latitude', Infinity)).toBeUndefined();
    const hostile = new Proxy(
      { country: 'JP' },
      {
        getPrototypeOf: () => {
          throw new Error('trap');
        },
      },
    );
    // A reader that throws defers to zod, which meets the same trap (for...in walks the
    // prototype chain), so the input gets the one "could not be read" error either way.
    expect(readFieldPlain('address', hostile)).toBeUndefined();
    const result = validateLocation({ ...validInput(), address: hostile });
    expect(result).toStrictEqual(validateLocationByZod({ ...validInput(), address: hostile }));
    expect(result).toEqual({ ok: false, errors: [expect.objectContaining({ path: [], message: 'The location could not be read as plain data' })] });
  });
});

describe('validateLocation', () => {
  test('gives the same result as shape-checking every field with zod', () => {
    fc.assert(
      fc.property(mutated, (input) => {
        expect(validateLocation(input)).toStrictEqual(validateLocationByZod(input));
      }),
      { numRuns: 2000 },
    );
  });

  test('gives the same result for arbitrary values', () => {
    fc.assert(
      fc.property(fc.anything({ withBoxedValues: true, withNullPrototype: true, withSparseArray: true }), (input) => {
        expect(validateLocation(input)).toStrictEqual(validateLocationByZod(input));
      }),
      { numRuns: 300 },
    );
  });
});
