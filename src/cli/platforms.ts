import { env } from '../env.ts';
import { catalogView, matchesCatalogFilter } from '../platforms/catalogView.ts';
import { registryFromEnv } from '../platforms/registry.ts';

/** `tenpo platforms`: the network as GraphQL `platforms` answers it, without a database or Redis. */
export function platformsCommand(opts: { json: boolean; country: string | null }): void {
  const platforms = catalogView(registryFromEnv(env())).filter((p) => matchesCatalogFilter(p, { country: opts.country, kinds: null, reach: null, available: null }));
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(platforms, null, 2)}\n`);
    return;
  }
  const width = Math.max(...platforms.map((p) => p.id.length));
  for (const p of platforms) {
    const how = p.delivery.kind === 'aggregator' ? `via ${p.delivery.via}` : p.reach;
    process.stdout.write(`${p.id.padEnd(width)}  ${p.kind.padEnd(11)}  ${how.padEnd(22)}  ${p.available ? '' : '(not configured) '}${p.name}\n`);
  }
  const automated = platforms.filter((p) => p.reach !== 'manual').length;
  process.stdout.write(`\n${platforms.length} platforms, ${automated} delivered automatically, ${platforms.length - automated} by a person\n`);
}
