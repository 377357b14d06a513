/**
 * Plain-JavaScript readers that stand in for the zod shape schemas on the common input: plain
 * data, as JSON.parse, GraphQL and the CSV importer produce it. zod costs tens of microseconds
 * per location (per-call contexts, issue arrays, its cycle memoizer), which made it the largest
 * cost of a bulk import.
 *
 * Contract of every reader here and in the rule modules (readAddress, readRegularHours, ...):
 * it returns exactly what its zod schema outputs for an input the schema accepts, or
 * `undefined` ("not sure") for anything else, including inputs zod would accept but that are
 * not plain data. The caller then runs the zod schema, which stays the only source of shape
 * errors, so messages, paths and order cannot drift. Readers never return undefined as a value:
 * no schema they mirror outputs undefined. test/locations/fastPath.test.ts checks the contract.
 */

export type PlainRecord = Record<string, unknown>;

/** A reader of one shape; `undefined` means "not sure, ask zod". */
export type Reader<T> = (value: unknown) => T | undefined;

/**
 * `value` as a record if it is a plain object with no key outside `keys`. zod's strict objects
 * read inherited properties too (`input[key]`, `for...in`), so only objects whose prototype is
 * Object.prototype or null qualify (class instances, Dates, boxed values go to zod); for...in
 * mirrors zod's unknown-key check, inherited enumerable keys included.
 */
export function plainRecord(value: unknown, keys: ReadonlySet<string>): PlainRecord | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return undefined;
  for (const key in value) if (!keys.has(key)) return undefined;
  return value as PlainRecord;
}

/** z.string() */
export function readString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** z.string().nullish().transform((v) => v ?? null) */
export function readNullableString(value: unknown): string | null | undefined {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' ? value : undefined;
}

/** z.number().nullish().transform((v) => v ?? null); zod 4 numbers are finite. */
export function readNullableNumber(value: unknown): number | null | undefined {
  if (value === undefined || value === null) return null;
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** z.enum(values): the value itself when it is one of them. */
export function enumReader<T extends string>(values: readonly T[]): Reader<T> {
  const set: ReadonlySet<unknown> = new Set(values);
  return (value) => (set.has(value) ? (value as T) : undefined);
}

/** z.array(item): a new array of the items' outputs. Holes read as undefined, as in zod. */
export function readArray<T>(value: unknown, item: Reader<T>): T[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: T[] = [];
  for (let i = 0; i < value.length; i++) {
    const read = item(value[i]);
    if (read === undefined) return undefined;
    out.push(read);
  }
  return out;
}

/** z.array(item).nullish().transform((v) => v ?? []) */
export function readList<T>(value: unknown, item: Reader<T>): T[] | undefined {
  if (value === undefined || value === null) return [];
  return readArray(value, item);
}

/** z.array(z.string()).nullish().transform((v) => v ?? []) */
export function readStringList(value: unknown): string[] | undefined {
  return readList(value, readString);
}

/** The keys of a zod object shape, so a reader's key set cannot drift from its schema. */
export function shapeKeys(shape: object): ReadonlySet<string> {
  return new Set(Object.keys(shape));
}
