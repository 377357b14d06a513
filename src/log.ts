import { pino, type Logger } from 'pino';
import { env } from './env.ts';

export type { Logger };

export const log: Logger = pino({
  level: env().LOG_LEVEL,
  base: { service: 'tenpo' },
  redact: {
    paths: ['req.headers.authorization', '*.password', '*.token', '*.apiKey', '*.secret', 'credentials', '*.credentials', '*.refreshToken', '*.accessToken'],
    censor: '[redacted]',
  },
});
