import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { rulesetSchema, type Ruleset } from './schema.ts';

const text = readFileSync(new URL('./default.json', import.meta.url), 'utf8');

/** The ruleset every organisation starts with; validated like any published one. */
export const DEFAULT_RULESET: Ruleset = rulesetSchema.parse(JSON.parse(text));

/** Named by its content, so a decision says exactly which default decided it. */
export const DEFAULT_RULESET_VERSION = `default-${createHash('sha256').update(text).digest('hex').slice(0, 8)}`;
