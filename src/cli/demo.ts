import { env } from '../env.ts';
import { encodeGlobalID } from '../graphql/ids.ts';
import { seedDemo } from '../orgs/demo.ts';
import { withDatabase } from './database.ts';

export async function demo(): Promise<void> {
  const result = await withDatabase(({ db }) => seedDemo(db));
  const e = env();
  const origin = `http://${e.HOST === '0.0.0.0' ? '127.0.0.1' : e.HOST}:${e.PORT}`;
  const url = `${origin}/graphql`;
  const orgId = encodeGlobalID('Organization', result.orgId);
  process.stdout.write(
    [
      `Demo organisation ready with ${result.locations} stores (id ${orgId}).`,
      '',
      `  API key (shown once):  ${result.apiKey}`,
      `  Dashboard:             ${origin}/   (after \`npm start\`)`,
      `  Dashboard user:        ${result.email}${result.password ? ` / ${result.password}` : ' (password unchanged)'}`,
      `  GraphiQL:              ${url}   (after \`npm start\`)`,
      '',
      'In GraphiQL, open "Headers" and paste:',
      `  { "Authorization": "Bearer ${result.apiKey}" }`,
      'then try:',
      '  { locations(first: 10) { edges { node { storeCode name address { region city } regularHours { day intervals { open close } } } } } }',
      '',
      'Or with curl:',
      `  curl -s ${url} -H 'content-type: application/json' -H 'authorization: Bearer ${result.apiKey}' \\`,
      `    -d '{"query":"{ locations(first: 5) { edges { node { storeCode name } } } }"}'`,
      '',
    ].join('\n'),
  );
}
