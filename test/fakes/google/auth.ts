/**
 * Fake OAuth 2.0: the token endpoint Google's OAuth2Client refreshes against
 * (`POST /token`, form-encoded, grant_type=refresh_token; client credentials in the body or as HTTP
 * Basic) and the bearer-token check every API request goes through. Token lifetimes run on the
 * fake clock, so advancing it expires tokens the client still believes are fresh.
 */
import { randomBytes } from 'node:crypto';
import type { FakeClock } from './clock.ts';
import { unauthenticated } from './errors.ts';

export const BUSINESS_MANAGE_SCOPE = 'https://www.googleapis.com/auth/business.manage';

export interface OAuthClientCredentials {
  clientId: string;
  clientSecret: string;
}

export interface AuthOptions {
  /** OAuth clients the token endpoint accepts. Default: one, `test-client-id` / `test-client-secret`. */
  clients?: OAuthClientCredentials[];
  /** Lifetime of issued access tokens, in seconds of the fake clock. Default 3600. */
  tokenTtlSeconds?: number;
}

export const DEFAULT_CLIENT: OAuthClientCredentials = { clientId: 'test-client-id', clientSecret: 'test-client-secret' };

interface AccessToken {
  expiresAt: number;
  refreshToken: string | undefined;
}

interface RefreshToken {
  clientId: string;
  revoked: boolean;
}

export interface TokenResponse {
  status: number;
  body: Record<string, unknown>;
}

function tokenError(status: number, error: string, description: string): TokenResponse {
  return { status, body: { error, error_description: description } };
}

export class FakeOAuth {
  private readonly clients: Map<string, string>;
  private readonly refreshTokens = new Map<string, RefreshToken>();
  private readonly accessTokens = new Map<string, AccessToken>();
  tokenTtlSeconds: number;
  /** How many access tokens the token endpoint handed out (refreshes). */
  refreshCount = 0;

  constructor(
    private readonly clock: FakeClock,
    options: AuthOptions = {},
  ) {
    this.clients = new Map((options.clients ?? [DEFAULT_CLIENT]).map((c) => [c.clientId, c.clientSecret]));
    this.tokenTtlSeconds = options.tokenTtlSeconds ?? 3600;
  }

  /** A refresh token for `clientId`, as if a merchant had just granted access. */
  issueRefreshToken(clientId: string = this.clients.keys().next().value ?? DEFAULT_CLIENT.clientId): string {
    if (!this.clients.has(clientId)) throw new Error(`unknown OAuth client: ${clientId}`);
    const token = `1//fake-${randomBytes(12).toString('base64url')}`;
    this.refreshTokens.set(token, { clientId, revoked: false });
    return token;
  }

  /** The merchant revoked access: refreshing answers invalid_grant, issued access tokens stop working. */
  revokeRefreshToken(refreshToken: string): void {
    const rt = this.refreshTokens.get(refreshToken);
    if (!rt) throw new Error('unknown refresh token');
    rt.revoked = true;
    for (const [token, at] of this.accessTokens) if (at.refreshToken === refreshToken) this.accessTokens.delete(token);
  }

  /** An access token without the OAuth dance (for tests that do not exercise auth). */
  issueAccessToken(ttlSeconds: number = this.tokenTtlSeconds, refreshToken?: string): string {
    const token = `ya29.fake-${randomBytes(16).toString('base64url')}`;
    this.accessTokens.set(token, { expiresAt: this.clock.now() + ttlSeconds * 1000, refreshToken });
    return token;
  }

  /** `POST /token`. `form` is the parsed x-www-form-urlencoded body. */
  handleTokenRequest(form: URLSearchParams, authorization: string | undefined): TokenResponse {
    let clientId = form.get('client_id') ?? undefined;
    let clientSecret = form.get('client_secret') ?? undefined;
    if (authorization?.startsWith('Basic ')) {
      const [id, secret] = Buffer.from(authorization.slice(6), 'base64').toString('utf8').split(':');
      clientId = id;
      clientSecret = secret;
    }
    const grantType = form.get('grant_type');
    if (grantType !== 'refresh_token') {
      return tokenError(400, 'unsupported_grant_type', `Invalid grant_type: ${grantType ?? ''}`);
    }
    if (!clientId || !this.clients.has(clientId)) return tokenError(401, 'invalid_client', 'The OAuth client was not found.');
    if (this.clients.get(clientId) !== clientSecret) return tokenError(401, 'invalid_client', 'Unauthorized');
    const refreshToken = form.get('refresh_token');
    if (!refreshToken) return tokenError(400, 'invalid_request', 'Missing required parameter: refresh_token');
    const rt = this.refreshTokens.get(refreshToken);
    if (!rt || rt.revoked) return tokenError(400, 'invalid_grant', 'Token has been expired or revoked.');
    if (rt.clientId !== clientId) return tokenError(400, 'unauthorized_client', 'Unauthorized');
    this.refreshCount++;
    return {
      status: 200,
      body: {
        access_token: this.issueAccessToken(this.tokenTtlSeconds, refreshToken),
        expires_in: this.tokenTtlSeconds,
        scope: BUSINESS_MANAGE_SCOPE,
        token_type: 'Bearer',
      },
    };
  }

  /** Throws Google's 401 unless `authorization` carries a live bearer token. */
  authenticate(authorization: string | undefined, service: string): void {
    const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!m) throw unauthenticated('CREDENTIALS_MISSING', service);
    const at = this.accessTokens.get(m[1] as string);
    if (!at) throw unauthenticated('ACCESS_TOKEN_TYPE_UNSUPPORTED', service);
    if (this.clock.now() >= at.expiresAt) throw unauthenticated('ACCESS_TOKEN_EXPIRED', service);
  }
}
