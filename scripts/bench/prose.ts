/**
 * Real Chinese prose for the benchmark corpus, from Debian's Simplified Chinese documentation
 * (debian-reference-zh-cn, debian-faq-zh-cn), installed with apt-get when missing and run as root.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { proseSentences } from './corpus.ts';

const SOURCES = [
  { package: 'debian-reference-zh-cn', folder: '/usr/share/debian-reference', match: /\.zh-cn\.html$/ },
  { package: 'debian-faq-zh-cn', folder: '/usr/share/doc/debian/FAQ/zh-cn', match: /\.html$/ },
];

/** Every prose sentence of the installed sources, installing the packages first where needed. */
export function loadProse(): string[] {
  const missing = SOURCES.filter((source) => !existsSync(source.folder)).map((source) => source.package);
  if (missing.length) {
    if (process.getuid?.() !== 0)
      throw new Error(`the benchmark corpus needs Debian's ${missing.join(', ')}: apt-get install -y ${missing.join(' ')}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const install = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
    if (install.status !== 0) spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
    if (
      install.status !== 0 &&
      spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { stdio: 'inherit', env }).status !== 0
    ) {
      throw new Error(`apt-get could not install ${missing.join(', ')}`);
    }
  }
  return SOURCES.flatMap((source) =>
    readdirSync(source.folder)
      .filter((name) => source.match.test(name))
      .flatMap((name) => proseSentences(readFileSync(path.join(source.folder, name), 'utf8'))),
  );
}
