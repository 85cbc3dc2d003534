/**
 * `npm run diff:browsers -- --cases N --seed S --browser chromium|firefox|all [--from I | --only I,J,…] [--no-shrink]`
 *
 * Long differential campaigns of the Set-Cookie model against real Chromium and Firefox ESR (see
 * run.ts). Prints each disagreement, shrunk, with both sides; exits 1 on any disagreement or error.
 */
import { parseArgs } from 'node:util';
import { type DiffBrowser, runCampaign } from './run';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '200' },
    seed: { type: 'string', default: '1' },
    browser: { type: 'string', default: 'all' },
    from: { type: 'string', default: '0' },
    only: { type: 'string' },
    'no-shrink': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
});
const USAGE = 'usage: diff:browsers -- --cases N --seed S --browser chromium|firefox|all [--from I | --only I,J,…] [--no-shrink]';
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const cases = Number(values.cases);
const seed = Number(values.seed);
const from = Number(values.from);
const only = values.only?.split(',').map(Number);
const browsers: DiffBrowser[] = values.browser === 'all' ? ['chromium', 'firefox'] : [values.browser as DiffBrowser];
if (
  !Number.isInteger(cases) ||
  cases < 1 ||
  !Number.isInteger(seed) ||
  !Number.isInteger(from) ||
  browsers.some((b) => b !== 'chromium' && b !== 'firefox') ||
  only?.some((i) => !Number.isInteger(i))
) {
  console.error(USAGE);
  process.exit(2);
}

let failed = 0;
for (const browser of browsers) {
  const started = Date.now();
  const result = await runCampaign({
    browser,
    seed,
    cases,
    from,
    only,
    shrink: !values['no-shrink'],
    onDisagreement: (text) => console.log(`${text}\n`),
    onProgress: (done, bad) => {
      if (done % 500 === 0) console.log(`${browser}: ${done}/${cases} cases, ${bad} disagreements`);
    },
  });
  const bad = result.disagreements.length + result.errors.length;
  failed += bad;
  const secs = ((Date.now() - started) / 1000).toFixed(0);
  console.log(
    `${browser}: ${result.ran} cases (seed ${seed}, from ${from}) in ${secs} s: ${result.disagreements.length} disagreements, ${result.errors.length} errors`,
  );
}
process.exit(failed ? 1 : 0);
