import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * The browser collector (collector.js beside this file), for the HTTP layer to serve as
 * /fraud/collector.js. Read once: the file only changes with a deploy, and a strong ETag from
 * its content lets browsers and CDNs revalidate with a 304 instead of downloading it again.
 */

export interface CollectorScript {
  body: string;
  /** A strong validator, quoted as the ETag header requires. */
  etag: string;
}

let script: CollectorScript | undefined;

export function collectorScript(): CollectorScript {
  if (!script) {
    const body = readFileSync(new URL('./collector.js', import.meta.url), 'utf8');
    const digest = createHash('sha256').update(body).digest('base64url').slice(0, 27);
    script = { body, etag: `"${digest}"` };
  }
  return script;
}
