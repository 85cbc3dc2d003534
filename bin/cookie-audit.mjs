#!/usr/bin/env node
// `npx cookie-audit …` from a checkout: runs the TypeScript command through tsx (a dev dependency).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../scripts/audit/main.ts');
process.exit(await main(process.argv.slice(2)));
