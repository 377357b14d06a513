import { startApp } from '../app.ts';
import { env } from '../env.ts';
import { log } from '../log.ts';
import { RedisUnavailableError } from '../redis/embedded.ts';

export async function start(): Promise<void> {
  const e = env();
  let app;
  try {
    app = await startApp(e, log);
  } catch (err) {
    if (err instanceof RedisUnavailableError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  process.stdout.write(
    [
      '',
      `  Tenpo is running on ${app.database.kind === 'pglite' ? `embedded PostgreSQL (PGlite) in ${app.database.location}` : app.database.location}`,
      `  Dashboard: ${app.url}/`,
      `  GraphQL:   ${app.url}/graphql${e.NODE_ENV === 'production' ? '' : '  (GraphiQL in a browser)'}`,
      `  Health:    ${app.url}/healthz  ${app.url}/readyz`,
      '  A demo organisation with a dashboard user and an API key: stop, run `npx tenpo demo`, start again.',
      '',
    ].join('\n'),
  );
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    app
      .stop()
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        log.error({ err }, 'error while shutting down');
        process.exit(1);
      });
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}
