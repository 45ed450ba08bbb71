import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { HtmlValidate } from 'html-validate';
import { describe, expect, inject, it } from 'vitest';
import { useBrowserPage } from '../../scripts/lib/browser.ts';

const site = inject('siteUrl');
const dist = inject('distDir');
const browser = useBrowserPage();

const PAGE_KINDS: Record<string, string> = {
  home: '',
  series: 'nlzf/',
  year: 'nlzf/2022/',
  issue: 'nlzf/2022/59/',
  'titled article': 'nlzf/2022/59/minqing/',
  'lead-phrase article': 'nlzf/2022/59/shici/?highlight=垌头村',
  section: 'nlzf/sections/xiaoyuan/2022/',
  search: 'search/?q=暴雨',
  'site map': 'site-map/',
  'not found': 'no/such/page/',
};

describe('accessibility', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it.each(Object.entries(PAGE_KINDS))(`has no axe violations on the %s page (${scheme})`, async (_kind, url) => {
      await browser.page.emulateMedia({ colorScheme: scheme });
      await browser.page.goto(`${site}${url}`);
      if (url.startsWith('search/')) await browser.page.waitForSelector('.search-result');
      if (url.includes('highlight')) await browser.page.waitForSelector('mark');
      const results = await new AxeBuilder({ page: browser.page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }

  it('reaches search and its results by keyboard alone', async () => {
    const page = browser.page;
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(`${site}nlzf/2022/59/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到正文');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    await page.keyboard.type('垌头村');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.search-result');
    // From the query box, Tab walks the filters and then the results.
    await page.locator('#search-q').focus();
    let reached = '';
    for (let i = 0; i < 12 && !reached.includes('/shici/'); i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.href ?? '');
    }
    expect(reached).toContain('/nlzf/2022/59/shici/');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/shici\//);
  });

  it('keeps the font size chosen across pages, and the layout whole at the largest size and 200% zoom', async () => {
    const page = browser.page;
    await page.setViewportSize({ width: 640, height: 900 });
    await page.goto(`${site}nlzf/2022/59/minqing/`);
    await page.getByRole('button', { name: '大' }).click();
    expect(await page.evaluate(() => document.documentElement.dataset.fontSize)).toBe('large');
    await page.goto(`${site}nlzf/2022/59/`);
    expect(await page.evaluate(() => document.documentElement.dataset.fontSize)).toBe('large');
    expect(await page.getByRole('button', { name: '大' }).getAttribute('aria-pressed')).toBe('true');
    // 200% zoom of a 640 px window is a 320 px one: nothing may spill sideways.
    await page.setViewportSize({ width: 320, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.getByRole('button', { name: '中' }).click();
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});

describe('valid HTML', () => {
  it('has no html-validate errors on any built page', async () => {
    const validator = new HtmlValidate({
      extends: ['html-validate:recommended'],
      rules: {
        // Chinese text has no spaces to wrap at and bulletins quote with “”; these style rules do not apply.
        'no-trailing-whitespace': 'off',
        'long-title': 'off',
        'no-inline-style': 'off',
        'attribute-boolean-style': 'off',
      },
    });
    const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter(
      (file) => file.endsWith('.html') && !file.startsWith('pagefind'),
    );
    const errors: string[] = [];
    for (const file of pages) {
      const report = await validator.validateString(readFileSync(path.join(dist, file), 'utf8'), file);
      for (const result of report.results)
        for (const message of result.messages) errors.push(`${file}:${message.line} ${message.ruleId}: ${message.message}`);
    }
    expect(pages.length).toBeGreaterThan(20);
    expect(errors.slice(0, 30)).toEqual([]);
  });
});
