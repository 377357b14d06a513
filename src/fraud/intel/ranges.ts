/**
 * Sorted, non-overlapping address ranges in flat typed arrays, searched by binary search.
 *
 * An address is `width` uint32 words, most significant first: 1 for IPv4, 4 for IPv6. Plain
 * numbers compare faster than BigInt and the packed arrays hold a million ranges without a
 * million objects for the garbage collector to walk.
 *
 * Why a builder that flattens: the ip-location-db CSVs are sorted by start, but ~570 IPv4 and
 * ~80 IPv6 country rows sit inside an earlier, wider row whose end was not cut (a GeoFeed entry
 * refining a whois block). Binary search needs disjoint ranges, so a row that starts inside an
 * earlier one overrides it for its own span - the more specific source wins - and the earlier
 * row's value resumes after it when no later row covers the remainder.
 */

export type Key = readonly number[];

export interface RangeTable {
  width: number;
  /** size × width words each, range i at [i*width, (i+1)*width). */
  start: Uint32Array;
  end: Uint32Array;
  value: Uint32Array;
  size: number;
}

export function compareKeys(a: Key, b: Key): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** key + 1, or null past the highest address. */
function successor(key: Key): number[] | null {
  const out = [...key];
  for (let i = out.length - 1; i >= 0; i--) {
    if ((out[i] ?? 0) < 0xffffffff) {
      out[i] = (out[i] ?? 0) + 1;
      return out;
    }
    out[i] = 0;
  }
  return null;
}

/** key - 1; only called with key above an open range's start, so never below zero. */
function predecessor(key: Key): number[] {
  const out = [...key];
  for (let i = out.length - 1; i >= 0; i--) {
    if ((out[i] ?? 0) > 0) {
      out[i] = (out[i] ?? 0) - 1;
      return out;
    }
    out[i] = 0xffffffff;
  }
  return out;
}

class Words {
  data: Uint32Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Uint32Array(Math.max(capacity, 16));
  }
  push(words: Key): void {
    if (this.length + words.length > this.data.length) {
      const grown = new Uint32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    // An index loop: TypedArray.set from a plain array was a visible share of the load time.
    for (let i = 0; i < words.length; i++) this.data[this.length + i] = words[i] ?? 0;
    this.length += words.length;
  }
  done(): Uint32Array {
    return this.data.slice(0, this.length);
  }
}

export class RangeTableBuilder {
  private readonly starts: Words;
  private readonly ends: Words;
  private readonly values: Words;
  private readonly open: { end: Key; value: number }[] = [];
  /** First address not yet emitted inside the open ranges; null once past the top of the space. */
  private cursor: Key | null = null;
  private lastStart: Key | null = null;

  constructor(
    private readonly width: number,
    expectedRows: number,
    private readonly source: string,
  ) {
    this.starts = new Words(expectedRows * width);
    this.ends = new Words(expectedRows * width);
    this.values = new Words(expectedRows);
  }

  /** Rows must come sorted by start (the CSVs are); anything else is a broken data file. */
  add(start: Key, end: Key, value: number): void {
    if (this.lastStart && compareKeys(start, this.lastStart) < 0) {
      throw new Error(`${this.source}: ranges not sorted by start`);
    }
    if (compareKeys(end, start) < 0) throw new Error(`${this.source}: range ends before it starts`);
    this.lastStart = start;
    this.closeBefore(start);
    const enclosing = this.open.at(-1);
    if (enclosing && this.cursor && compareKeys(this.cursor, start) < 0) {
      this.emit(this.cursor, predecessor(start), enclosing.value);
    }
    this.open.push({ end, value });
    this.cursor = start;
  }

  finish(): RangeTable {
    this.closeBefore(null);
    return {
      width: this.width,
      start: this.starts.done(),
      end: this.ends.done(),
      value: this.values.done(),
      size: this.values.length,
    };
  }

  /** Emits what is left of every open range ending before `start` (all of them when null). */
  private closeBefore(start: Key | null): void {
    for (let top = this.open.at(-1); top; top = this.open.at(-1)) {
      if (start && compareKeys(top.end, start) >= 0) return;
      if (this.cursor && compareKeys(this.cursor, top.end) <= 0) {
        this.emit(this.cursor, top.end, top.value);
        this.cursor = successor(top.end);
      }
      this.open.pop();
    }
  }

  private emit(start: Key, end: Key, value: number): void {
    this.starts.push(start);
    this.ends.push(end);
    this.values.push([value]);
  }
}

/** Index of the range holding `key`, or -1. */
export function findRange(t: RangeTable, key: Key): number {
  let lo = 0;
  let hi = t.size - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (compareAt(t.start, mid, t.width, key) <= 0) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found !== -1 && compareAt(t.end, found, t.width, key) >= 0 ? found : -1;
}

function compareAt(words: Uint32Array, row: number, width: number, key: Key): number {
  const base = row * width;
  for (let i = 0; i < width; i++) {
    const x = words[base + i] ?? 0;
    const y = key[i] ?? 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
