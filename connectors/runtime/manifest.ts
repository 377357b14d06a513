import { z } from 'zod';
import { LOCATION_FIELDS } from '../../src/locations/model.ts';
import { FEED_VALUES } from './standard/values.ts';

/**
 * A connector manifest is the data half of a connector (DESIGN.md, "Connectors"): who the
 * platform is, how we reach it, its quotas and field limits, what it can do. The runtime reads
 * it to schedule, throttle and truncate; behaviour lives in the connector's own small module.
 * Objects are strict so a misspelt key (`requestPerMinute`) is an error rather than a quota
 * silently not applied.
 */

// ISO 3166-1 alpha-2 officially assigned codes (249). Hard-coded rather than taken from ICU,
// which also knows EU, UN, XK, UK and withdrawn codes that no platform catalog should contain.
const ISO_3166_1 = new Set(
  ('ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZCACCCDCFCGCHCICKCL' +
    'CMCNCOCRCUCVCWCXCYCZDEDJDKDMDODZECEEEGEHERESETFIFJFKFMFOFRGAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGT' +
    'GUGWGYHKHMHNHRHTHUIDIEILIMINIOIQIRISITJEJMJOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILKLRLSLTLULVLY' +
    'MAMCMDMEMFMGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZNANCNENFNGNINLNONPNRNUNZOMPAPEPFPGPHPKPLPMPN' +
    'PRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTFTGTHTJTKTLTMTNTOTRTT' +
    'TVTWTZUAUGUMUSUYUZVAVCVEVGVIVNVUWFWSYEYTZAZMZW').match(/../g) ?? [],
);

// The value sets below are exactly those used by ../shared/platforms.csv, so every catalog row
// can get a manifest without translation.
export const PLATFORM_KINDS = ['search', 'maps', 'social', 'review-site', 'navigation', 'aggregator', 'directory', 'vertical', 'voice'] as const;
/** api: public self-serve API; partner-api: API behind a partner agreement; aggregator: reached
 * through a data aggregator's connector; feed: bulk file delivery; manual: a person submits. */
export const REACH = ['api', 'partner-api', 'aggregator', 'feed', 'manual'] as const;

const countryCode = z.string().refine((c) => ISO_3166_1.has(c), { message: 'Expected an ISO 3166-1 alpha-2 code in upper case, e.g. "JP"' });
const countryList = z
  .array(countryCode)
  .min(1)
  .refine((l) => new Set(l).size === l.length, { message: 'Country codes must not repeat' });
const positiveInt = z.number().int().positive();
const nonEmpty = z.string().trim().min(1);

const auth = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('oauth2'), scopes: z.array(nonEmpty).min(1).optional() }),
  z.strictObject({ kind: z.literal('api-key'), placement: z.enum(['header', 'query']).optional(), name: nonEmpty.optional() }),
  z.strictObject({ kind: z.literal('basic') }),
  // sftp: how feed platforms take their files; the credentials live in the connection, not here.
  z.strictObject({ kind: z.literal('sftp') }),
  z.strictObject({ kind: z.literal('none') }),
]);

/** Also the shape of the raised quotas a deployment configures (TENPO_PLATFORM_QUOTAS). */
export const quotasSchema = z.strictObject({
  requestsPerMinute: positiveInt.optional(),
  requestsPerDay: positiveInt.optional(),
  // Some platforms cap writes separately from reads (Google: updates per day per project).
  editsPerMinute: positiveInt.optional(),
  editsPerDay: positiveInt.optional(),
  perListing: z.strictObject({ editsPerMinute: positiveInt.optional(), editsPerDay: positiveInt.optional() }).optional(),
});

const fieldLimits = z.strictObject({
  nameMax: positiveInt.optional(),
  descriptionMax: positiveInt.optional(),
  addressLinesMax: positiveInt.optional(),
  categoriesMax: positiveInt.optional(),
  labelsMax: positiveInt.optional(),
  labelMax: positiveInt.optional(),
  phonesMax: positiveInt.optional(),
  photosMax: positiveInt.optional(),
  websiteUrlMax: positiveInt.optional(),
});

// Every capability is required: a missing flag must not quietly read as "false".
const capabilities = z.strictObject({
  listingWrite: z.boolean(),
  readBack: z.boolean(),
  reviewsRead: z.boolean(),
  reviewReply: z.boolean(),
  posts: z.boolean(),
  insights: z.boolean(),
});

// A platform's rules for owner replies and reports, checked before anything is sent.
const reviewRules = z.strictObject({
  replyMaxBytes: positiveInt.optional(),
  replyMaxChars: positiveInt.optional(),
  /** false where the platform refuses emoji in replies (Yelp). */
  replyEmoji: z.boolean().default(true),
  repliesPerListingPerDay: positiveInt.optional(),
  /** How a suspected fake review is reported: by a person on the platform's own page, or not at all. */
  report: z.enum(['manual', 'none']).default('none'),
  reportUrl: z.url({ protocol: /^https$/, message: 'Expected an https:// URL' }).optional(),
});

const platformId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'Expected lower-kebab-case, as in platforms.csv (e.g. "apple-business-connect")' });
const httpsUrl = z.url({ protocol: /^https$/, message: 'Expected an https:// URL' });

/**
 * How listings reach the platform. `connector`: the connector's own code (a deep connector).
 * The other kinds are run by the runtime from the manifest alone:
 * - `publisher`: the partner implements Tenpo's publisher protocol (connectors/runtime/publisher/
 *   README.md), the way directories implement a listing network's partner spec; the endpoint
 *   comes from the partner agreement and is stored in the connection's settings.
 * - `feed`: a CSV file of every listing, in the columns the platform documents, uploaded over HTTPS.
 * - `aggregator`: the platform takes its data from another platform in the catalog (`via`); its
 *   status follows that delivery and is never better than SUBMITTED.
 * - `manual`: a person submits the values Tenpo prepares on `submitUrl` and confirms it.
 */
const delivery = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('connector') }),
  z.strictObject({ kind: z.literal('publisher'), protocol: z.literal('tenpo-publisher/1') }),
  z.strictObject({
    kind: z.literal('feed'),
    format: z.literal('csv'),
    columns: z
      .array(z.strictObject({ header: nonEmpty, value: z.enum(FEED_VALUES) }))
      .min(1)
      .refine((c) => new Set(c.map((x) => x.header)).size === c.length, { message: 'Column headers must not repeat' }),
    transport: z.literal('https-put'),
  }),
  z.strictObject({ kind: z.literal('aggregator'), via: platformId }),
  z.strictObject({ kind: z.literal('manual'), submitUrl: httpsUrl }),
]);

const locationField = z.enum(LOCATION_FIELDS);

/** What a runtime-run platform shows of a store; deep connectors keep this in code instead. */
const listing = z.strictObject({
  /** Tenpo fields the platform has a place for; the rest are NOT_SUPPORTED. */
  fields: z.array(locationField).min(1),
  /** Fields without which the platform refuses a listing. */
  required: z.array(locationField).default([]),
  /** Categories as the platform names them: a map from Tenpo category id (or parent id) to the
   *  platform's code, else Tenpo's own names in `names`. */
  categories: z.strictObject({ map: z.record(z.string(), nonEmpty).optional(), names: z.enum(['en', 'ja']).optional() }).default({ names: 'en' }),
});

const MANIFEST_KEYS = ['id', 'name', 'countries', 'kind', 'reach', 'auth', 'baseUrl', 'quotas', 'fieldLimits', 'capabilities', 'reviews', 'eligibility', 'delivery', 'listing', 'factsInferred', 'sources'] as const;

export const connectorManifestSchema = z
  .strictObject({
    id: platformId,
    name: nonEmpty,
    countries: z.union([z.literal('GLOBAL'), countryList], { message: 'Expected "GLOBAL" or a list of ISO 3166-1 alpha-2 codes' }),
    kind: z.enum(PLATFORM_KINDS),
    reach: z.enum(REACH),
    auth,
    baseUrl: httpsUrl.optional(),
    quotas: quotasSchema.default({}),
    fieldLimits: fieldLimits.default({}),
    capabilities,
    reviews: reviewRules.default({ replyEmoji: true, report: 'none' }),
    eligibility: z
      .strictObject({
        countries: countryList.optional(),
        /** Tenpo category ids (a parent covers its subcategories) the platform takes; all when absent. */
        categories: z.array(nonEmpty).min(1).optional(),
        categoriesExcluded: z.array(nonEmpty).optional(),
      })
      .default({}),
    delivery: delivery.default({ kind: 'connector' }),
    listing: listing.optional(),
    // Paths such as "quotas.requestsPerDay": which facts we guessed, so they get verified first.
    factsInferred: z
      .array(z.string().refine((p) => (MANIFEST_KEYS as readonly string[]).includes(p.split('.')[0] ?? ''), { message: 'Expected a manifest field path, e.g. "quotas.requestsPerDay"' }))
      .optional(),
    sources: z.array(nonEmpty).min(1, { message: 'Cite at least one source for the manifest facts' }),
  })
  // Cross-field rules; `when` lets them run alongside most field errors, and parseManifest
  // re-runs them on the raw input because zod still skips them after an aborting issue (such
  // as a non-integer quota), and one call must report every problem.
  .check(z.superRefine((m, ctx) => crossFieldIssues(m).forEach((i) => ctx.addIssue({ code: 'custom', ...i })), { when: () => true }));

const DELIVERY_BY_REACH: Readonly<Record<string, readonly string[]>> = {
  api: ['connector', 'publisher'],
  'partner-api': ['connector', 'publisher'],
  feed: ['connector', 'feed'],
  aggregator: ['aggregator'],
  manual: ['manual'],
};

/** Rules spanning fields. Input is untrusted (it may have failed other checks), so read defensively. */
function crossFieldIssues(input: unknown): { path: (string | number)[]; message: string }[] {
  if (!input || typeof input !== 'object') return [];
  const raw = input as Record<string, unknown>;
  const issues: { path: (string | number)[]; message: string }[] = [];
  const deliveryKind = (raw.delivery as { kind?: unknown } | undefined)?.kind ?? 'connector';
  if ((raw.reach === 'api' || raw.reach === 'partner-api') && raw.baseUrl === undefined && deliveryKind !== 'publisher') {
    issues.push({ path: ['baseUrl'], message: `Required when reach is "${raw.reach}"` });
  }
  const allowed = DELIVERY_BY_REACH[String(raw.reach)];
  if (allowed && typeof deliveryKind === 'string' && !allowed.includes(deliveryKind)) {
    issues.push({ path: ['delivery', 'kind'], message: `"${deliveryKind}" does not deliver a platform whose reach is "${String(raw.reach)}" (expected ${allowed.join(' or ')})` });
  }
  if (deliveryKind !== 'connector' && raw.listing === undefined) {
    issues.push({ path: ['listing'], message: 'Required when the runtime delivers from the manifest: which fields the platform shows' });
  }
  if (deliveryKind === 'aggregator' && (raw.delivery as { via?: unknown }).via === raw.id) {
    issues.push({ path: ['delivery', 'via'], message: 'A platform cannot be its own aggregator' });
  }
  const reviews = raw.reviews as { report?: unknown; reportUrl?: unknown } | undefined;
  if (reviews?.report === 'manual' && reviews.reportUrl === undefined) {
    issues.push({ path: ['reviews', 'reportUrl'], message: 'Required when reviews are reported by a person: the page they report on' });
  }
  const eligible = (raw.eligibility as { countries?: unknown } | undefined)?.countries;
  const countries = raw.countries;
  if (Array.isArray(countries) && Array.isArray(eligible)) {
    eligible.forEach((c: unknown, i) => {
      if (typeof c === 'string' && !countries.includes(c)) {
        issues.push({ path: ['eligibility', 'countries', i], message: `"${c}" is not among the platform's countries` });
      }
    });
  }
  return issues;
}

type DeepReadonly<T> = T extends (infer U)[] ? readonly DeepReadonly<U>[] : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;

export type ConnectorManifest = DeepReadonly<z.output<typeof connectorManifestSchema>>;
export type ConnectorManifestInput = z.input<typeof connectorManifestSchema>;
export type PlatformKind = (typeof PLATFORM_KINDS)[number];
export type Reach = (typeof REACH)[number];

export interface ManifestIssue {
  /** e.g. "quotas.perListing.editsPerMinute" or "countries[1]"; "" for the manifest itself. */
  readonly path: string;
  readonly message: string;
}

/** Thrown by defineManifest with every problem found, not just the first. */
export class ManifestError extends Error {
  override readonly name = 'ManifestError';
  constructor(
    readonly manifestId: string | undefined,
    readonly issues: readonly ManifestIssue[],
  ) {
    super(`Invalid connector manifest${manifestId ? ` "${manifestId}"` : ''}:\n${issues.map((i) => `  - ${i.path || '(root)'}: ${i.message}`).join('\n')}`);
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, seg) => (typeof seg === 'number' ? `${acc}[${seg}]` : acc ? `${acc}.${String(seg)}` : String(seg)), '');
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/** Validates a manifest written in TypeScript; returns it deeply frozen, or throws ManifestError. */
export function defineManifest(input: ConnectorManifestInput): ConnectorManifest {
  return parseManifest(input);
}

/** Same as defineManifest for manifests of unknown shape (JSON files, the platform catalog). */
export function parseManifest(input: unknown): ConnectorManifest {
  const result = connectorManifestSchema.safeParse(input);
  if (!result.success) {
    const id = typeof (input as { id?: unknown } | null)?.id === 'string' ? (input as { id: string }).id : undefined;
    const issues = result.error.issues.flatMap((issue) =>
      // Report each unknown key at its own path, so the author sees exactly what to remove.
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((k) => ({ path: formatPath([...issue.path, k]), message: 'Unknown field' }))
        : [{ path: formatPath(issue.path), message: issue.message }],
    );
    for (const extra of crossFieldIssues(input)) {
      const path = formatPath(extra.path);
      if (!issues.some((i) => i.path === path && i.message === extra.message)) issues.push({ path, message: extra.message });
    }
    throw new ManifestError(id, issues);
  }
  return deepFreeze(result.data) as ConnectorManifest;
}
