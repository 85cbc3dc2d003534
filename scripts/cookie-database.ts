/**
 * Refreshes the vendored Open Cookie Database and the lookup generated from it:
 *   npm run data:cookies                 regenerate from data/open-cookie-database/open-cookie-database.csv
 *   npm run data:cookies -- newer.csv    copy a newer CSV there first, then regenerate
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildDatabase, databaseModule, descriptionsModule } from './cookie-database-build';

const root = (p: string): string => fileURLToPath(new URL(`../${p}`, import.meta.url));
export const CSV_PATH = root('data/open-cookie-database/open-cookie-database.csv');
export const DATABASE_MODULE = root('src/analysis/cookie-database/database.generated.ts');
export const DESCRIPTIONS_MODULE = root('src/analysis/cookie-database/descriptions.generated.ts');

function main(argv: string[]): number {
  const from = argv[0];
  if (from !== undefined) copyFileSync(from, CSV_PATH);
  const db = buildDatabase(readFileSync(CSV_PATH, 'utf8'));
  writeFileSync(DATABASE_MODULE, databaseModule(db));
  writeFileSync(DESCRIPTIONS_MODULE, descriptionsModule(db));
  const wildcards = db.entries.filter((e) => e[5] === 1).length;
  const byTag = db.entries.filter((e) => e[6] === 1).map((e) => e[0]);
  console.log(`${db.entries.length} entries (${wildcards} by prefix), ${db.platforms.length - 1} platforms; ${db.skipped} rows skipped`);
  console.log(`set by a third party's tag on any site: ${byTag.join(', ')}`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exit(main(process.argv.slice(2)));
