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
      expect(fields).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'PORT', 'TENPO_FRAUD_HASH_KEY', 'TENPO_KEYRING', 'TENPO_SECRET']);
    }
  });

  it('refuses a keyring or platform quotas it cannot use, without echoing the key', () => {
    try {
      parseEnv({ TENPO_KEYRING: 'k1:c2VjcmV0LWJ1dC10b28tc2hvcnQ=', TENPO_PLATFORM_QUOTAS: '{"google":{"requestPerMinute":5}}' });
      expect.unreachable();
    } catch (err) {
      const problems = (err as EnvError).problems;
      expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['TENPO_KEYRING', 'TENPO_PLATFORM_QUOTAS']);
      expect(problems.join('\n')).not.toContain('c2VjcmV0');
      expect(problems.find((p) => p.startsWith('TENPO_PLATFORM_QUOTAS'))).toMatch(/requestPerMinute/);
    }
  });

  it('takes an address registry only as an http(s) or file URL, and a fraud hash key of 32 characters or more', () => {
    expect(parseEnv({ TENPO_JA_ADDRESS_DATA: 'file:///srv/japanese-addresses/api/ja' }).TENPO_JA_ADDRESS_DATA).toBe('file:///srv/japanese-addresses/api/ja');
    try {
      parseEnv({ TENPO_JA_ADDRESS_DATA: '/srv/japanese-addresses', TENPO_FRAUD_HASH_KEY: 'short' });
      expect.unreachable();
    } catch (err) {
      expect((err as EnvError).problems.map((p) => p.split(':')[0]).sort()).toEqual(['TENPO_FRAUD_HASH_KEY', 'TENPO_JA_ADDRESS_DATA']);
    }
  });

  it('takes raised platform quotas as JSON', () => {
    const e = parseEnv({ TENPO_PLATFORM_QUOTAS: '{"google":{"requestsPerMinute":3000,"perListing":{"editsPerMinute":5}}}' });
    expect(e.TENPO_PLATFORM_QUOTAS).toEqual({ google: { requestsPerMinute: 3000, perListing: { editsPerMinute: 5 } } });
  });
});
