import { z } from 'zod';
import { behaviorSchema } from './intel/behavior.ts';

/**
 * What a merchant sends to be screened. GraphQL checks the shapes; these schemas check what a
 * type system cannot (lengths, ranges, codes) and are the one definition the engine, the
 * benchmark and the evaluation data set share.
 */

const id = z.string().trim().min(1, 'must not be empty').max(200);
const text = (max: number) => z.string().trim().max(max);

export const addressSchema = z.object({
  country: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code, e.g. JP').default('JP'),
  postalCode: text(20).optional(),
  /** The whole address as written: prefecture, city, town, block, building, room. */
  line: z.string().trim().min(1, 'must not be empty').max(300),
});
export type AddressInput = z.infer<typeof addressSchema>;

export const partySchema = z.object({
  name: text(200).optional(),
  email: text(320).optional(),
  phone: text(40).optional(),
  address: addressSchema.optional(),
});
export type PartyInput = z.infer<typeof partySchema>;

export const contextSchema = z.object({
  ip: text(64).optional(),
  device: z
    .object({
      /** The client's device fingerprint id (from the merchant's fingerprinting or Tenpo's script). */
      id: text(200).optional(),
      userAgent: text(1000).optional(),
      /** BCP 47, e.g. ja-JP. */
      language: text(35).optional(),
      /** IANA zone, e.g. Asia/Tokyo. */
      timezone: text(64).optional(),
    })
    .optional(),
  /** The summary Tenpo's browser script (/fraud/collector.js) produced for the form. */
  behavior: behaviorSchema.optional(),
  /** When it happened; now when omitted. Replays and imports pass the original time. */
  occurredAt: z.date().optional(),
});
export type ContextInput = z.infer<typeof contextSchema>;

export const PAYMENT_METHODS = ['CARD', 'DEFERRED', 'COD', 'BANK_TRANSFER', 'WALLET', 'CONVENIENCE_STORE', 'OTHER'] as const;

export const orderSchema = z.object({
  orderId: id,
  amount: z.number().min(0).max(1e10),
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code, e.g. JPY'),
  paymentMethod: z.enum(PAYMENT_METHODS).default('OTHER'),
  account: z.object({ id: id.optional(), createdAt: z.date().optional() }).optional(),
  billing: partySchema,
  /** Omitted when the order ships to the billing party. */
  shipping: partySchema.optional(),
  items: z
    .array(z.object({ sku: id, quantity: z.number().int().min(1).max(100_000), unitPrice: z.number().min(0).max(1e10) }))
    .max(500)
    .optional(),
  context: contextSchema.default({}),
});
export type OrderInput = z.infer<typeof orderSchema>;

export const signupSchema = z.object({
  /** Makes a retried call answer with the first decision. */
  requestId: id.optional(),
  accountId: id.optional(),
  person: partySchema,
  context: contextSchema.default({}),
});
export type SignupInput = z.infer<typeof signupSchema>;

export const loginSchema = z.object({
  requestId: id.optional(),
  accountId: id,
  email: text(320).optional(),
  /** Whether the password (or other factor) was right: failed attempts are a signal too. */
  succeeded: z.boolean(),
  context: contextSchema.default({}),
});
export type LoginInput = z.infer<typeof loginSchema>;

export const reviewSchema = z.object({
  reviewId: id,
  /** The store it is about: a Tenpo store code or any stable key the merchant uses. */
  locationKey: id,
  rating: z.number().int().min(1).max(5),
  text: z.string().max(10_000).default(''),
  language: text(35).optional(),
  reviewer: z.object({ id: id.optional(), name: text(200).optional(), email: text(320).optional() }).default({}),
  createdAt: z.date().optional(),
  context: contextSchema.default({}),
});
export type ReviewInput = z.infer<typeof reviewSchema>;

export type ScreeningInput =
  | { kind: 'ORDER'; input: OrderInput }
  | { kind: 'SIGNUP'; input: SignupInput }
  | { kind: 'LOGIN'; input: LoginInput }
  | { kind: 'REVIEW'; input: ReviewInput };
