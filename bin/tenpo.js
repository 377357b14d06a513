#!/usr/bin/env node
// The operator entry point. Source is TypeScript run through tsx, so `npx tenpo` works from a
// checkout without a build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
