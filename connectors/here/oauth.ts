/**
 * HERE's OAuth 2.0 client-credentials token request, authenticated the way HERE's token endpoint
 * requires: an OAuth 1.0a signature (HMAC-SHA256) made with the access key secret over the
 * method, the endpoint URL and every parameter, the form body's `grant_type` and `scope`
 * included (HERE Identity & Access Management, "OAuth 2.0 token request"; here-aaa-java-sdk).
 */
import { createHmac, randomBytes } from 'node:crypto';

/** RFC 3986 percent-encoding, which OAuth 1.0a requires (encodeURIComponent leaves !'()* bare). */
export function percent(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export interface SignInput {
  method: string;
  url: string;
  accessKeyId: string;
  accessKeySecret: string;
  /** The form body's parameters; they are part of the signature. */
  form: Record<string, string>;
  nonce?: string;
  timestamp?: number;
}

/** The base string OAuth 1.0a signs; exported so the fake checks signatures the same way. */
export function signatureBase(method: string, url: string, params: Record<string, string>): string {
  const pairs = Object.entries(params)
    .map(([k, v]) => [percent(k), percent(v)] as const)
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  return `${method.toUpperCase()}&${percent(url)}&${percent(pairs)}`;
}

export function sign(base: string, secret: string): string {
  return createHmac('sha256', `${percent(secret)}&`).update(base).digest('base64');
}

/** The Authorization header for a token request. */
export function authorizationHeader(input: SignInput): string {
  const oauth: Record<string, string> = {
    oauth_consumer_key: input.accessKeyId,
    oauth_nonce: input.nonce ?? randomBytes(16).toString('hex'),
    oauth_signature_method: 'HMAC-SHA256',
    oauth_timestamp: String(input.timestamp ?? Math.floor(Date.now() / 1000)),
    oauth_version: '1.0',
  };
  const signature = sign(signatureBase(input.method, input.url, { ...input.form, ...oauth }), input.accessKeySecret);
  const all = { ...oauth, oauth_signature: signature };
  return `OAuth ${Object.entries(all).map(([k, v]) => `${k}="${percent(v)}"`).join(',')}`;
}
