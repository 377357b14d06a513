/**
 * Cost of validateLocation per call, the dominant CPU cost of the CSV import. Absolute
 * microseconds depend on the machine (and on whatever else shares its cores), so the run also
 * times a JSON round trip of the same inputs and prints validate / round trip: that ratio is
 * what to compare between runs on different machines or on a busy box.
 *
 *   npm run bench:validate [-- --valid 20000 --invalid 2000 --rounds 7]
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { validateLocation } from '../src/locations/validate.ts';
import { validInput } from '../test/locations/fixtures.ts';
import { generatedLocation } from '../test/support/generate.ts';

const { values: args } = parseArgs({
  options: {
    valid: { type: 'string', default: '20000' },
    invalid: { type: 'string', default: '2000' },
    rounds: { type: 'string', default: '7' },
  },
});
const VALID = Number(args.valid);
const INVALID = Number(args.invalid);
const ROUNDS = Number(args.rounds);

type Input = Record<string, unknown>;

/** Valid spellings people write that the fixture does not use: each one exercises a normalization. */
const FIXTURE_VARIANTS: Partial<Input>[] = [
  {},
  { primaryPhone: '０３−１２３４−５６７８', additionalPhones: [] },
  { primaryPhone: '+81 3-1234-5678', address: { country: 'jp', postalCode: '１０７－００５２', lines: ['1-2-3'] } },
  { status: 'OPENING_SOON', statusDate: '2027-04-01', latitude: null, longitude: null },
  { regularHours: [{ day: 'SUNDAY', intervals: [{ open: '9:00', close: '0:00' }] }], specialHours: null },
  { localizedNames: [{ locale: 'zh-hant', name: '拉麵天保' }, { locale: 'EN-us', name: 'Ramen Tenpo' }], labels: null },
  { attributes: [{ key: 'parking', value: ['street', 'free_lot'] }, { key: 'wifi', value: ' free ' }], photos: [] },
];

function validInputs(n: number): Input[] {
  const inputs: Input[] = [];
  for (let i = 0; i < n; i++) {
    // One in ten is the hand-written fixture (richer than the generated rows), in its variants.
    if (i % 10 === 9) inputs.push({ ...validInput(), ...FIXTURE_VARIANTS[i % FIXTURE_VARIANTS.length] });
    else inputs.push(JSON.parse(JSON.stringify(generatedLocation(i))) as Input);
  }
  return inputs;
}

/** The mistakes CSV rows really contain, each breaking one field of an otherwise valid row. */
const BREAKS: ((input: Input, i: number) => void)[] = [
  (x) => (x.primaryPhone = '03-1234-567'),
  (x) => (x.primaryPhone = 12345678),
  (x) => (x.regularHours = [{ day: 'MONDAY', intervals: [{ open: '25:00', close: '10:00' }] }]),
  (x) => (x.regularHours = [{ day: 'MONDAY', intervals: [{ open: '10:00', close: '12:00' }, { open: '11:00', close: '13:00' }] }]),
  (x) => (x.primaryCategory = 'restaurant.ramenn'),
  (x) => (x.address = { country: 'Japan', postalCode: '107' }),
  (x) => (x.website = 'www.example.com'),
  (x) => (x.status = 'closed'),
  (x) => (x.labels = ['a', 'a']),
  (x) => (x.attributes = [{ key: 'wifi', value: 'yes' }]),
  (x) => (x.nmae = x.name),
  (x) => (x.specialHours = [{ startDate: '2026-02-30', closed: true }]),
  (x) => delete x.storeCode,
];

function invalidInputs(n: number): Input[] {
  const inputs: Input[] = [];
  for (let i = 0; i < n; i++) {
    const input = JSON.parse(JSON.stringify(generatedLocation(100_000 + i))) as Input;
    BREAKS[i % BREAKS.length]!(input, i);
    inputs.push(input);
  }
  return inputs;
}

function check(inputs: Input[], expectOk: boolean): void {
  for (const input of inputs) {
    const result = validateLocation(input);
    if (result.ok !== expectOk) throw new Error(`expected ok=${expectOk} for ${JSON.stringify(input)}: ${JSON.stringify(result)}`);
  }
}

// Results go into a sink so the JIT cannot drop the calls as dead code.
let sink = 0;

/** Median over rounds of µs per call; each round runs over every input once. */
function measure(inputs: Input[], fn: (input: Input) => unknown): number {
  const perCall: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    for (const input of inputs) if (fn(input)) sink++;
    perCall.push(((performance.now() - start) * 1000) / inputs.length);
  }
  perCall.sort((a, b) => a - b);
  return perCall[Math.floor(perCall.length / 2)]!;
}

const roundTrip = (input: Input): unknown => JSON.parse(JSON.stringify(input));

const valid = validInputs(VALID);
const invalid = invalidInputs(INVALID);
check(valid, true);
check(invalid, false);

// Warm-up: enough calls for the optimizing compiler to settle before anything is timed.
for (let i = 0; i < 2; i++) {
  for (const input of valid) validateLocation(input);
  for (const input of invalid) validateLocation(input);
  for (const input of valid) roundTrip(input);
}

const json = measure(valid, roundTrip);
const validUs = measure(valid, validateLocation);
const invalidUs = measure(invalid, validateLocation);
const mixed = [...valid, ...invalid];
const mixedUs = measure(mixed, validateLocation);

const fmt = (us: number): string => us.toFixed(2).padStart(8);
const ratio = (us: number): string => `${(us / json).toFixed(2)}× JSON round trip`;
console.log(`validateLocation, ${valid.length} valid + ${invalid.length} invalid inputs, median of ${ROUNDS} rounds (node ${process.version})`);
console.log(`  JSON round trip   ${fmt(json)} µs/input   (machine-speed reference)`);
console.log(`  valid             ${fmt(validUs)} µs/call   ${ratio(validUs)}   ${Math.round(1e6 / validUs)} calls/s/core`);
console.log(`  invalid           ${fmt(invalidUs)} µs/call   ${ratio(invalidUs)}`);
console.log(`  mixed (10% bad)   ${fmt(mixedUs)} µs/call   ${ratio(mixedUs)}`);
if (sink < 0) console.log(sink);
