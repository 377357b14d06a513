import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from '../src/env.ts';

describe('configuration', () => {
  it('has defaults that run the product with nothing set', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 4000, NODE_ENV: 'development', DATA_DIR: './.data' });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.REDIS_URL).toBeUndefined();
  });

  it('treats an empty DATABASE_URL as unset, so the embedded database is used', () => {
    expect(parseEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it('lists every problem at once', () => {
    try {
      parseEnv({ PORT: 'http', DATABASE_URL: 'not a url', NODE_ENV: 'production', LOG_LEVEL: 'chatty' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(EnvError);
      const fields = (err as EnvError).problems.map((p) => p.split(':')[0]).sort();
      expect(fields).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'PORT', 'TENPO_SECRET']);
    }
  });
});
