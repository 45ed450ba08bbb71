import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus, proseSentences } from '../../scripts/bench/corpus.ts';
import { writePrintedOriginals } from '../../scripts/bench/printed-corpus.ts';
import { pageOfLine } from '../../src/lib/build/astro-log.ts';
import { fileHashes, writeContentFiles } from '../../src/lib/build/site-files.ts';
import { buildSite } from '../support/build-site.ts';

const SEED = readFileSync(new URL('../fixtures/seeds/nlzf-2022-59.txt', import.meta.url), 'utf8');

/** A copy of the project's code (its dependencies linked), so that a component or a plugin can be edited as a maintainer would. */
function projectCopy(root: string): string {
  const project = path.join(root, 'project');
  for (const item of ['src', 'scripts', 'astro.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json']) {
    cpSync(item, path.join(project, item), { recursive: true });
  }
  symlinkSync(path.resolve('node_modules'), path.join(project, 'node_modules'));
  return project;
}

/** Pages Astro rendered and pages it copied from the last build (their paths), from its log. */
function pagesOf(stdout: string): { rendered: number; copied: string[] } {
  const pages = stdout.split('\n').flatMap((line) => pageOfLine(line) ?? []);
  return { rendered: pages.filter((page) => !page.copied).length, copied: pages.filter((page) => page.copied).map((page) => page.page) };
}

describe('incremental builds', () => {
  it('give the very site a clean build gives, after each kind of change, redoing only what changed', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'jianbao-incremental-'));
    const project = projectCopy(work);
    const sentences = proseSentences(SEED);
    const before = generateCorpus({ issues: 160, seed: 5, sentences, layoutFor: 161 });
    const after = generateCorpus({ issues: 161, seed: 5, sentences, layoutFor: 161 });
    const content = path.join(work, 'content');
    const dist = path.join(work, 'site', 'dist');
    writeContentFiles(content, before.files);
    let env: Record<string, string> = { CONTENT_DIR: content, SEARCH_SHARD_SIZE: '400' };
    const build = (out: string, force = false) => {
      const result = buildSite({ ...env, OUT_DIR: out }, { cwd: project, args: force ? ['--force'] : [] });
      expect(result.status, `${result.stdout.slice(-3000)}\n${result.stderr}`).toBe(0);
      return result;
    };
    let cleanBuilds = 0;
    /** Builds the archive as it is now incrementally and clean, and compares every file of the two sites. */
    const step = (change: string) => {
      const update = build(dist);
      const clean = path.join(work, `clean-${++cleanBuilds}`, 'dist');
      build(clean, true);
      const site = fileHashes(dist);
      expect(site, `${change}: the incremental site is the clean site`).toEqual(fileHashes(clean));
      return { ...update, site, pages: pagesOf(update.stdout) };
    };
    const edit = (file: string, from: RegExp | string, to: string) => {
      const text = readFileSync(file, 'utf8');
      const edited = text.replace(from, to);
      expect(edited, `${file} holds ${String(from)}`).not.toBe(text);
      writeFileSync(file, edited);
    };

    const first = build(dist);
    expect(pagesOf(first.stdout).copied).toEqual([]);
    const original = fileHashes(dist);
    const shards = JSON.parse(readFileSync(path.join(dist, 'pagefind/shards.json'), 'utf8')) as string[];
    expect(shards.length).toBeGreaterThan(1);

    // A new issue: its pages, the pages that list it, its neighbours' links; the archive's search bundle untouched.
    const added = after.files.filter((file) => !before.files.some((other) => other.path === file.path));
    expect(added).toHaveLength(1);
    writeContentFiles(content, added);
    const adding = step('adding an issue');
    expect(adding.stdout).toMatch(
      new RegExp(
        `search index: \\d+ articles in \\d+ shards, 1 indexed \\(${shards[0]}\\), \\d+ unchanged; published as ${shards.length} bundles, 1 merged anew \\(${shards[0]}\\)`,
      ),
    );
    for (const [file, hash] of original) if (file.startsWith(`pagefind/${shards[1]}/`)) expect(adding.site.get(file), file).toBe(hash);
    const changed = [...original].filter(([file, hash]) => file.endsWith('.html') && adding.site.get(file) !== hash).map(([file]) => file);
    expect(changed.filter((file) => /^[a-z0-9]+\/\d{4}\/[0-9-]+\/index\.html$/.test(file)).length).toBeLessThanOrEqual(1);
    expect(changed.length).toBeLessThan(20);
    expect(adding.pages.copied.length).toBeGreaterThan(adding.pages.rendered * 5);

    // Three edits an editor makes to published issues, each in its own issue file.
    const issueFiles = readdirSync(content, { recursive: true })
      .map(String)
      .filter((file) => /^[a-z]+\/\d{4}\/\d+\.md$/.test(file))
      .sort();
    const [titled, withdrawn, moved] = [issueFiles[3]!, issueFiles[12]!, issueFiles[20]!].map((file) => path.join(content, file));
    edit(titled!, /^(### )(.+?)( \{#a1\})$/m, '$1$2（更正）$3');
    const correcting = step('correcting a title');
    expect(correcting.pages.copied.length).toBeGreaterThan(correcting.pages.rendered * 5);

    const date = /^date: (\S+)$/m.exec(readFileSync(withdrawn!, 'utf8'))![1]!;
    edit(withdrawn!, /\n---\n/, `\nwithdrawn:\n  - article: a2\n    date: ${date}\n    note: 应所在单位要求撤回。\n---\n`);
    step('withdrawing an article');

    const url = `/${path.relative(content, moved!).replace(/\.md$/, '')}/`;
    edit(moved!, '{#a3}', '{#a3x}');
    writeFileSync(path.join(content, 'redirects.yaml'), `- from: ${url}a3/\n  to: ${url}a3x/\n`);
    const redirecting = step('adding a redirect');
    expect(redirecting.site.has(`${url.slice(1)}a3/index.html`)).toBe(true);

    // The printed pages of an issue made (npm run yuanban): its 原版 page and images, its issue and article pages link to them.
    const printed = path.join(content, issueFiles[5]!);
    const printedUrl = path.relative(content, printed).replace(/\.md$/, '');
    await writePrintedOriginals(content, [{ path: path.relative(content, printed), text: readFileSync(printed, 'utf8') }]);
    const printing = step('making the printed pages of an issue');
    expect(printing.site.has(`${printedUrl}/yuanban/index.html`)).toBe(true);
    expect(printing.site.has(`${printedUrl}/yuanban/1-720w.webp`)).toBe(true);
    // Its issue and article pages are rendered anew (they link to it now); the rest of the site is kept.
    expect(printing.pages.copied.filter((page) => page.includes(printedUrl))).toEqual([]);
    expect(printing.pages.copied.length).toBeGreaterThan(printing.pages.rendered * 5);

    // A failed build renders a correction and writes Astro's manifest; fixed elsewhere, the next build still publishes the correction.
    edit(titled!, '（更正）', '（再次更正）');
    const broken = path.join(content, issueFiles[30]!);
    const unbroken = readFileSync(broken, 'utf8');
    const bodyAt = unbroken.indexOf('\n---\n', 4) + 5;
    writeFileSync(broken, unbroken.slice(0, bodyAt) + unbroken.slice(bodyAt).replace('。', '。详见[第999期](/zz/2022/999/)。'));
    const failed = buildSite({ ...env, OUT_DIR: dist }, { cwd: project });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('/zz/2022/999/ (no such page or file)');
    writeFileSync(broken, unbroken);
    const fixed = step('a fix elsewhere after a failed build');
    expect([...fixed.site.keys()].some((file) => readFileSync(path.join(dist, file)).includes('（再次更正）'))).toBe(true);

    // Deleting an issue (its URLs taken out of the ledger on purpose): its pages go, and every page that listed it changes.
    const deleted = path.join(content, issueFiles[40]!);
    const deletedUrl = `/${path.relative(content, deleted).replace(/\.md$/, '')}/`;
    rmSync(deleted);
    const ledger = path.join(content, 'published-urls.txt');
    writeFileSync(
      ledger,
      readFileSync(ledger, 'utf8')
        .split('\n')
        .filter((line) => !line.startsWith(deletedUrl))
        .join('\n'),
    );
    const deleting = step('deleting an issue');
    expect([...deleting.site.keys()].filter((file) => file.startsWith(deletedUrl.slice(1)))).toEqual([]);

    // Code and settings Astro's own hashes may not see: every page they reach is rendered again.
    edit(path.join(project, 'src/components/SiteFooter.astro'), '<footer class="site-footer">', '<footer class="site-footer" data-edited>');
    const component = step('editing a component');
    // Every page shows the footer; the feeds do not, and may be copied.
    expect(component.pages.copied.filter((page) => !page.endsWith('.xml'))).toEqual([]);

    edit(path.join(project, 'src/plugins/rehype-lead-phrase.ts'), "className: ['lead-phrase']", "className: ['lead-phrase', 'edited']");
    const plugin = step('editing a rehype plugin');
    expect(
      [...plugin.site.keys()].some(
        (file) => file.endsWith('.html') && readFileSync(path.join(dist, file), 'utf8').includes('lead-phrase edited'),
      ),
    ).toBe(true);

    env = { ...env, SITE_ICP: '豫ICP备12345678号' };
    const icp = step('changing SITE_ICP');
    expect(icp.pages.copied).toEqual([]);
    expect(readFileSync(path.join(dist, 'index.html'), 'utf8')).toContain('豫ICP备12345678号');
  }, 900_000);
});
