/**
 * Process environment shared by the benchmark and its server processes; imported first by every
 * bench entry point, because src/log.ts and src/env.ts read it when they are first used.
 */
// A server that logs each request would measure the logger and flood the table.
process.env.LOG_LEVEL = 'silent';
// API keys are HMACs under TENPO_SECRET: the key minted here must verify in the server
// process, which runs with NODE_ENV=production and so requires a secret.
process.env.TENPO_SECRET ??= 'bench-api-secret-not-for-production';
// Server processes run with NODE_ENV=production, which requires these too (src/env.ts).
process.env.TENPO_KEYRING ??= `bench:${Buffer.from('tenpo-bench-keyring-32-bytes-xx!').toString('base64')}`;
process.env.TENPO_FRAUD_HASH_KEY ??= 'bench-fraud-hash-key-not-for-production';
