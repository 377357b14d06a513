import { Command, InvalidArgumentError } from 'commander';
import { EnvError } from '../env.ts';

const program = new Command()
  .name('tenpo')
  .description('Tenpo: store data, listings sync, reviews and fraud screening.\nConfiguration comes from the environment: see README.md.')
  .showHelpAfterError();

function uuidArg(value: string): string {
  if (!/^[0-9a-f-]{36}$/i.test(value)) throw new InvalidArgumentError('expected an organisation id (a UUID).');
  return value;
}

program
  .command('start')
  .description('start the API and the queue workers (WORKERS=off for the API alone) on the configured or embedded database and Redis')
  .action(async () => (await import('./start.ts')).start());

program
  .command('migrate')
  .description('apply pending database migrations (or revert the last one with --down)')
  .option('--down', 'revert the most recent migration')
  .action(async (opts: { down?: boolean }) => (await import('./migrate.ts')).migrate(opts.down === true));

program
  .command('demo')
  .description('create a demo organisation with Japanese and international stores; print an API key and the GraphiQL URL')
  .action(async () => (await import('./demo.ts')).demo());

program
  .command('import')
  .description('create or update locations from a CSV file (layout: docs/import-csv.md); re-running a file changes nothing')
  .argument('<file>', 'CSV file')
  .requiredOption('--org <id>', 'organisation id (UUID)', uuidArg)
  .option('--errors <file>', 'also write the rejected rows and their errors as CSV to this file')
  .action(async (file: string, opts: { org: string; errors?: string }) =>
    (await import('./import.ts')).importCommand(file, opts.org, opts.errors ?? null),
  );

program
  .command('org:create')
  .description('create an organisation with an OWNER user and an API key (operators)')
  .requiredOption('--name <name>', 'organisation name')
  .option('--agency', 'an agency, which manages client organisations')
  .option('--agency-id <id>', 'make it a client of this agency', uuidArg)
  .requiredOption('--owner-email <email>', "the owner's email")
  .action(async (opts: { name: string; agency?: boolean; agencyId?: string; ownerEmail: string }) =>
    (await import('./orgCreate.ts')).orgCreate(opts),
  );

program
  .command('worker')
  .description('run queue workers and the outbox relay without the API (scale out; needs DATABASE_URL for more than one process)')
  .action(async () => (await import('./worker.ts')).workerCommand());

program
  .command('sync')
  .description("sync every store of an organisation to its connected platforms; --watch follows the run with a progress bar")
  .requiredOption('--org <id>', 'organisation id (UUID)', uuidArg)
  .option('--platform <id...>', 'only these platforms (e.g. google)')
  .option('--watch', 'follow the run until it is done; exit 1 if any listing failed')
  .action(async (opts: { org: string; platform?: string[]; watch?: boolean }) =>
    (await import('./sync.ts')).syncCommand(opts.org, { platforms: opts.platform ?? null, watch: opts.watch === true }),
  );

program
  .command('platforms')
  .description('print the platform network: each platform\'s reach, countries, capabilities and rules')
  .option('--json', 'print JSON, as GraphQL `platforms` answers')
  .option('--country <code>', 'only platforms serving this ISO country (GLOBAL ones included)')
  .action(async (opts: { json?: boolean; country?: string }) => (await import('./platforms.ts')).platformsCommand({ json: opts.json === true, country: opts.country ?? null }));

program
  .command('keyring:new')
  .description('print a new key for TENPO_KEYRING (prepend it to rotate, then run keyring:reseal)')
  .action(async () => (await import('./keyring.ts')).keyringNew());

program
  .command('keyring:reseal')
  .description('re-encrypt stored platform credentials with the current TENPO_KEYRING key')
  .action(async () => (await import('./keyring.ts')).keyringReseal());

program
  .command('print-schema')
  .description('write schema.graphql from the code (or, with --check, fail when it is stale)')
  .option('--check', 'compare instead of writing')
  .action(async (opts: { check?: boolean }) => (await import('./printSchema.ts')).printSchemaCommand(opts.check === true));

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof EnvError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  throw err;
}
