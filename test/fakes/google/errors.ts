/**
 * Google's JSON error envelope, as every googleapis.com REST API answers it:
 *   { "error": { "code": 400, "message": "...", "status": "INVALID_ARGUMENT", "details": [ ... ] } }
 * Details are `google.rpc.*` messages tagged with "@type" (BadRequest, ErrorInfo, Help), plus the
 * Business Profile `ValidationError { errorDetails: [{ code, field, message, value, fieldIndex }] }`.
 */

const STATUS_BY_HTTP: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ALREADY_EXISTS',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  501: 'NOT_IMPLEMENTED',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

export const TYPE_BAD_REQUEST = 'type.googleapis.com/google.rpc.BadRequest';
export const TYPE_ERROR_INFO = 'type.googleapis.com/google.rpc.ErrorInfo';
export const TYPE_HELP = 'type.googleapis.com/google.rpc.Help';
export const TYPE_VALIDATION_ERROR = 'type.googleapis.com/google.mybusiness.v4.ValidationError';

/**
 * Business Profile `ErrorCode` values for `ValidationError.errorDetails[].code`. The names are
 * the documented ones (Shared.Types/ErrorCode); the numbers follow their documented order.
 */
export const ErrorCode = {
  ERROR_CODE_UNSPECIFIED: 0,
  MISSING_VALUE: 1,
  INVALID_VALUE: 2,
  INVALID_CHARACTERS: 3,
  TOO_MANY_ITEMS: 4,
} as const;
export type ErrorCodeName = keyof typeof ErrorCode;

/** One broken rule, reported both as a BadRequest field violation and as a ValidationError detail. */
export interface Violation {
  /** JSON (camelCase) path of the offending field, e.g. `profile.description`, `updateMask`. */
  field: string;
  description: string;
  code: ErrorCodeName;
  value?: string;
  fieldIndex?: number;
}

export type ErrorDetail = { '@type': string } & Record<string, unknown>;

export interface GoogleErrorBody {
  error: { code: number; message: string; status: string; details?: ErrorDetail[] };
}

/** Thrown by handlers; the server turns it into Google's error response. */
export class GoogleError extends Error {
  readonly httpStatus: number;
  readonly status: string;
  readonly details: ErrorDetail[];
  readonly headers: Record<string, string>;

  constructor(
    httpStatus: number,
    message: string,
    details: ErrorDetail[] = [],
    headers: Record<string, string> = {},
    status = STATUS_BY_HTTP[httpStatus] ?? 'UNKNOWN',
  ) {
    super(message);
    this.name = 'GoogleError';
    this.httpStatus = httpStatus;
    this.status = status;
    this.details = details;
    this.headers = headers;
  }

  toBody(): GoogleErrorBody {
    const error: GoogleErrorBody['error'] = {
      code: this.httpStatus,
      message: this.message,
      status: this.status,
    };
    if (this.details.length > 0) error.details = this.details;
    return { error };
  }
}

/**
 * 400 INVALID_ARGUMENT. Content rules (`validation: true`) carry both a BadRequest and a Business
 * Profile ValidationError detail; request-parameter and JSON-parsing problems only a BadRequest.
 */
export function invalidArgument(
  violations: Violation[],
  { message = 'Request contains an invalid argument.', validation = true }: { message?: string; validation?: boolean } = {},
): GoogleError {
  const details: ErrorDetail[] = [
    {
      '@type': TYPE_BAD_REQUEST,
      fieldViolations: violations.map((v) => ({ field: v.field, description: v.description })),
    },
  ];
  if (validation) {
    details.push({
      '@type': TYPE_VALIDATION_ERROR,
      errorDetails: violations.map((v) => {
        const detail: Record<string, unknown> = { code: ErrorCode[v.code], field: v.field, message: v.description };
        if (v.value !== undefined) detail.value = v.value;
        if (v.fieldIndex !== undefined) detail.fieldIndex = v.fieldIndex;
        return detail;
      }),
    });
  }
  return new GoogleError(400, message, details);
}

/** A request-parameter problem (readMask, pageSize, pageToken, orderBy...). */
export function badParameter(field: string, description: string): GoogleError {
  return invalidArgument([{ field, description, code: 'INVALID_VALUE' }], { validation: false });
}

export function notFound(message = 'Requested entity was not found.'): GoogleError {
  return new GoogleError(404, message);
}

export function permissionDenied(message = 'The caller does not have permission'): GoogleError {
  return new GoogleError(403, message);
}

const AUTH_HELP = 'See https://developers.google.com/identity/sign-in/web/devconsole-project.';
const WWW_AUTHENTICATE = 'Bearer realm="https://accounts.google.com/", error="invalid_token"';

/** `reason` is the ErrorInfo reason: CREDENTIALS_MISSING, ACCESS_TOKEN_EXPIRED, ACCESS_TOKEN_INVALID. */
export function unauthenticated(reason: string, service: string): GoogleError {
  const missing = reason === 'CREDENTIALS_MISSING';
  const message = missing
    ? `Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. ${AUTH_HELP}`
    : `Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. ${AUTH_HELP}`;
  return new GoogleError(
    401,
    message,
    [{ '@type': TYPE_ERROR_INFO, reason, domain: 'googleapis.com', metadata: { service } }],
    missing ? { 'www-authenticate': 'Bearer realm="https://accounts.google.com/"' } : { 'www-authenticate': WWW_AUTHENTICATE },
  );
}

export interface QuotaErrorInput {
  service: string;
  quotaMetric: string;
  quotaLimit: string;
  limitValue: number;
  /** Human text of the metric and limit, e.g. "Requests" / "Requests per minute". */
  metricText: string;
  limitText: string;
  consumer: string;
}

/** The shape Google's quota system answers with once a rate or daily quota is used up. */
export function quotaExceeded(q: QuotaErrorInput): GoogleError {
  return new GoogleError(
    429,
    `Quota exceeded for quota metric '${q.metricText}' and limit '${q.limitText}' of service '${q.service}' for consumer '${q.consumer}'.`,
    [
      {
        '@type': TYPE_ERROR_INFO,
        reason: 'RATE_LIMIT_EXCEEDED',
        domain: 'googleapis.com',
        metadata: {
          service: q.service,
          quota_metric: q.quotaMetric,
          quota_limit: q.quotaLimit,
          quota_limit_value: String(q.limitValue),
          consumer: q.consumer,
          quota_location: 'global',
        },
      },
      {
        '@type': TYPE_HELP,
        links: [{ description: 'Request a higher quota limit.', url: 'https://cloud.google.com/docs/quotas/help/request_increase' }],
      },
    ],
  );
}

/** Bodies for injected transport-level failures (not quota). */
export function faultError(httpStatus: number, retryAfterSeconds?: number): GoogleError {
  const messages: Record<number, string> = {
    429: 'Resource has been exhausted (e.g. check quota).',
    500: 'Internal error encountered.',
    502: 'Bad Gateway',
    503: 'The service is currently unavailable.',
    504: 'The request timed out. Please try again.',
  };
  const headers: Record<string, string> = {};
  if (retryAfterSeconds !== undefined) headers['retry-after'] = String(retryAfterSeconds);
  return new GoogleError(httpStatus, messages[httpStatus] ?? 'Error', [], headers);
}
