/**
 * Process environment shared by the benchmark and its server processes; imported first by every
 * bench entry point, because src/log.ts and src/env.ts read it when they are first used.
 */
// A server that logs each request would measure the logger and flood the table.
process.env.LOG_LEVEL = 'silent';
// API keys are HMACs under TENPO_SECRET: the key minted here must verify in the server
// process, which runs with NODE_ENV=production and so requires a secret.
process.env.TENPO_SECRET ??= 'bench-api-secret-not-for-production';
