/**
 * `npm test`: every test, on a fresh machine too. Checks that it runs on Node 22, installs Debian's
 * chromium, a CJK font, nginx and its Brotli module when they are missing (as root), runs Astro's type generation, ESLint,
 * Prettier and `astro check`, then runs Vitest's unit and browser
 * projects and closes with one plain summary line.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { CHROMIUM } from './lib/browser.ts';
import { NGINX } from './lib/nginx.ts';

const REPORT = '.cache/vitest-report.json';

function run(command: string, args: string[]): number {
  return spawnSync(command, args, { stdio: 'inherit' }).status ?? 1;
}

function hasCjkFont(): boolean {
  const fonts = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return fonts.status === 0 && fonts.stdout.trim().length > 0;
}

const major = Number(process.versions.node.split('.')[0]);
if (major !== 22) {
  console.error(
    `npm test: expected Node 22 (the node devDependency), found ${process.version}. Run it through npm ("npm test") after "npm ci".`,
  );
  process.exit(1);
}
console.log(`npm test: Node ${process.version}`);

// Debian packages the browser tests need: Chromium and a CJK font, and nginx with Brotli to serve the site as offices do.
const NGINX_BROTLI = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
const missing = [
  ...(existsSync(CHROMIUM) ? [] : ['chromium']),
  ...(hasCjkFont() ? [] : ['fonts-noto-cjk']),
  ...(existsSync(NGINX) ? [] : ['nginx']),
  ...(existsSync(NGINX_BROTLI) ? [] : ['libnginx-mod-http-brotli-static']),
];
if (missing.length) {
  if (process.getuid?.() !== 0) {
    console.error(
      `npm test: the browser tests need Debian's ${missing.join(', ')}; as root, run: apt-get update && apt-get install -y ${missing.join(' ')}`,
    );
    process.exit(1);
  }
  console.log(`npm test: installing Debian's ${missing.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args: string[]) => spawnSync('apt-get', args, { stdio: 'inherit', env }).status ?? 1;
  if (apt(['update']) !== 0 || apt(['install', '-y', '--no-install-recommends', ...missing]) !== 0) {
    console.error(`npm test: apt-get could not install ${missing.join(', ')}`);
    process.exit(1);
  }
}

// The gates before the tests: Astro's generated types (lint needs them on a fresh clone), lint, formatting, types.
const gates: [string, string, string[]][] = [
  ['astro sync', 'astro', ['sync']],
  ['eslint', 'eslint', ['.']],
  ['prettier', 'prettier', ['--check', '.']],
  ['astro check', 'astro', ['check', '--minimumSeverity', 'hint']],
];
for (const [name, command, args] of gates) {
  console.log(`npm test: ${name}`);
  if (run(command, args) !== 0) {
    console.error(`npm test: ${name} failed; fix what it lists above (npm run lint, npm run check) and run npm test again`);
    process.exit(1);
  }
}

mkdirSync('.cache', { recursive: true });
const status = run('vitest', ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${REPORT}`]);
if (existsSync(REPORT)) {
  const report = JSON.parse(readFileSync(REPORT, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    testResults: { status: string; assertionResults: { status: string }[] }[];
  };
  // A test file that fails to load, or whose setup fails (its tests then skipped), fails no test; it still counts as a failure.
  const brokenFiles = report.testResults.filter(
    (file) => file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'),
  ).length;
  console.log(`\ntests: ${report.numPassedTests} passed, ${report.numFailedTests + brokenFiles} failed, ${report.numPendingTests} skipped`);
}
process.exit(status);
