import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_59, SERIES_YAML } from '../support/fixtures.ts';

function run(args: string[]) {
  return spawnSync(process.execPath, ['scripts/import.ts', ...args], { encoding: 'utf8' });
}

describe('npm run import', () => {
  it('imports a folder, goes on past a bad file, sums up and fails with a non-zero exit', () => {
    const work = mkdtempSync(path.join(tmpdir(), 'jianbao-cli-'));
    mkdirSync(path.join(work, 'inbox/2022'), { recursive: true });
    writeFileSync(path.join(work, 'inbox/2022/59.txt'), SEED_59);
    writeFileSync(path.join(work, 'inbox/2022/60.txt'), '第60期的草稿，还没有刊头。');
    writeFileSync(path.join(work, 'inbox/notes.md'), 'not a bulletin');
    mkdirSync(path.join(work, 'content/nlzf'), { recursive: true });
    writeFileSync(path.join(work, 'content/nlzf/series.yaml'), SERIES_YAML);
    const result = run([path.join(work, 'inbox'), '--out', path.join(work, 'content')]);
    expect(result.status).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(
      /^✓ .*inbox\/2022\/59\.txt → .*content\/nlzf\/2022\/59\.md: 郑州市教育局“能力作风建设年”活动简报 第59期, 2022-07-28, 2 sections, 5 articles$/,
    );
    expect(lines).toContain(
      `✗ ${path.join(work, 'inbox/2022/60.txt')}: no issue number (第N期, 2024年第3期, 第12-13期 or 增刊) in the first lines of the masthead; nothing was written for it`,
    );
    expect(lines.at(-1)).toBe('import: 1 imported (0 with warnings), 1 failed');
  });

  it('prints one JSON object per input with --json, and writes nothing with --dry-run', () => {
    const work = mkdtempSync(path.join(tmpdir(), 'jianbao-cli-'));
    writeFileSync(path.join(work, '59.txt'), SEED_59);
    const result = run([
      path.join(work, '59.txt'),
      path.join(work, 'missing.txt'),
      '--out',
      path.join(work, 'content'),
      '--json',
      '--dry-run',
    ]);
    const [first, second] = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(first).toMatchObject({
      source: path.join(work, '59.txt'),
      written: false,
      issue: { number: 59, date: '2022-07-28' },
    });
    expect(second).toEqual({ source: path.join(work, 'missing.txt'), error: 'no such file' });
    expect(result.stderr.trim()).toBe('import: 1 imported (0 with warnings), 1 failed');
    expect(spawnSync('find', [path.join(work, 'content'), '-name', '*.md']).stdout.toString()).toBe('');
  });

  it('explains its usage', () => {
    const result = run([]);
    expect(result.status).toBe(2);
    expect(result.stdout).toContain('usage: npm run import -- <file|folder>…');
  });
});
