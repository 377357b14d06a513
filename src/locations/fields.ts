/**
 * The shape check of each top-level location field, before any domain rule runs. Each field is
 * shape-checked on its own, so one malformed field does not hide the domain errors of the
 * others; a field whose shape is wrong gets only its shape errors.
 *
 * Every field has two readers: the zod schema (SHAPES), which is the specification and the only
 * source of shape errors, and a plain-JavaScript reader (READERS) that returns the same output
 * for plain, well-shaped data and "not sure" otherwise (see plain.ts). The plain readers exist
 * because zod was the largest cost of a bulk import.
 */
import { z } from 'zod';
import { LOCATION_FIELDS, LOCATION_STATUSES, PHOTO_KINDS, SOCIAL_NETWORKS } from './model.ts';
import type { FieldError, LocationField } from './model.ts';
import { addressSchema, readAddress } from './address.ts';
import { attributesSchema, readAttributes } from './attributes.ts';
import { readRegularHours, readSpecialHours, regularHoursSchema, specialHoursSchema } from './hours.ts';
import { enumReader, plainRecord, readList, readNullableNumber, readNullableString, readString, readStringList, shapeKeys } from './plain.ts';
import type { Reader } from './plain.ts';
import { parseShape } from './text.ts';

const nullable = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? null);
const list = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .nullish()
    .transform((v) => v ?? []);

const localizedNameSchema = z.strictObject({ locale: z.string(), name: z.string() });
const socialProfileSchema = z.strictObject({ network: z.enum(SOCIAL_NETWORKS), url: z.string() });
const photoSchema = z.strictObject({ url: z.string(), kind: z.enum(PHOTO_KINDS), caption: nullable(z.string()) });

const SHAPES = {
  storeCode: z.string(),
  name: z.string(),
  localizedNames: list(localizedNameSchema),
  status: z
    .enum(LOCATION_STATUSES)
    .nullish()
    .transform((v) => v ?? 'OPEN'),
  statusDate: nullable(z.string()),
  address: addressSchema,
  latitude: nullable(z.number()),
  longitude: nullable(z.number()),
  primaryPhone: nullable(z.string()),
  additionalPhones: list(z.string()),
  website: nullable(z.string()),
  socialProfiles: list(socialProfileSchema),
  primaryCategory: z.string(),
  additionalCategories: list(z.string()),
  description: nullable(z.string()),
  labels: list(z.string()),
  regularHours: regularHoursSchema,
  specialHours: specialHoursSchema,
  attributes: attributesSchema,
  photos: list(photoSchema),
} satisfies Record<LocationField, z.ZodType>;

type Shapes = { [K in LocationField]: z.output<(typeof SHAPES)[K]> };
/** Each field's shape-checked value; undefined when its shape was rejected (with errors recorded). */
export type Parsed = { [K in LocationField]: Shapes[K] | undefined };

const LOCALIZED_NAME_KEYS = shapeKeys(localizedNameSchema.shape);
const SOCIAL_PROFILE_KEYS = shapeKeys(socialProfileSchema.shape);
const PHOTO_KEYS = shapeKeys(photoSchema.shape);
const readStatus = enumReader(LOCATION_STATUSES);
const readNetwork = enumReader(SOCIAL_NETWORKS);
const readPhotoKind = enumReader(PHOTO_KINDS);

type Item<K extends LocationField> = Shapes[K] extends (infer T)[] ? T : never;

function readLocalizedName(value: unknown): Item<'localizedNames'> | undefined {
  const raw = plainRecord(value, LOCALIZED_NAME_KEYS);
  if (raw === undefined) return undefined;
  const { locale, name } = raw;
  return typeof locale === 'string' && typeof name === 'string' ? { locale, name } : undefined;
}

function readSocialProfile(value: unknown): Item<'socialProfiles'> | undefined {
  const raw = plainRecord(value, SOCIAL_PROFILE_KEYS);
  if (raw === undefined) return undefined;
  const network = readNetwork(raw.network);
  const url = raw.url;
  return network !== undefined && typeof url === 'string' ? { network, url } : undefined;
}

function readPhoto(value: unknown): Item<'photos'> | undefined {
  const raw = plainRecord(value, PHOTO_KEYS);
  if (raw === undefined) return undefined;
  const url = raw.url;
  const kind = readPhotoKind(raw.kind);
  const caption = readNullableString(raw.caption);
  return typeof url === 'string' && kind !== undefined && caption !== undefined ? { url, kind, caption } : undefined;
}

const READERS: { [K in LocationField]: Reader<Shapes[K]> } = {
  storeCode: readString,
  name: readString,
  localizedNames: (v) => readList(v, readLocalizedName),
  status: (v) => (v === undefined || v === null ? 'OPEN' : readStatus(v)),
  statusDate: readNullableString,
  address: readAddress,
  latitude: readNullableNumber,
  longitude: readNullableNumber,
  primaryPhone: readNullableString,
  additionalPhones: readStringList,
  website: readNullableString,
  socialProfiles: (v) => readList(v, readSocialProfile),
  primaryCategory: readString,
  additionalCategories: readStringList,
  description: readNullableString,
  labels: readStringList,
  regularHours: readRegularHours,
  specialHours: readSpecialHours,
  attributes: readAttributes,
  photos: (v) => readList(v, readPhoto),
};

/** The plain reader's answer for one field, or undefined when it is not sure. */
export function readFieldPlain(field: LocationField, value: unknown): Shapes[LocationField] | undefined {
  try {
    return READERS[field](value);
  } catch {
    // A getter or Proxy trap threw: zod reads less (no prototype lookup), so let it decide.
    return undefined;
  }
}

/** zod's answer for one field; records its shape errors under [field]. */
export function parseFieldShape(field: LocationField, value: unknown, errors: FieldError[]): Shapes[LocationField] | undefined {
  return parseShape<unknown>(SHAPES[field], value, [field], errors) as Shapes[LocationField] | undefined;
}

/**
 * Shape-checks every field of `input`, in field order. `plain: false` skips the plain readers;
 * tests use it to compare both paths.
 */
export function readFields(input: object, errors: FieldError[], plain = true): Parsed {
  const parsed: Partial<Record<LocationField, unknown>> = {};
  for (const field of LOCATION_FIELDS) {
    const value: unknown = Object.hasOwn(input, field) ? Reflect.get(input, field) : undefined;
    const read = plain ? readFieldPlain(field, value) : undefined;
    parsed[field] = read !== undefined ? read : parseFieldShape(field, value, errors);
  }
  // Each entry is the output of SHAPES[field] (or undefined), which is exactly Parsed.
  return parsed as Parsed;
}
