import { describe, expect, it } from 'vitest';
import { sectionYears, seriesSpans } from '../../src/lib/navigation.ts';
import { siteConfig } from '../../src/lib/site-config.ts';

describe('the footer settings of a government site', () => {
  it('are each optional', () => {
    expect(siteConfig({})).toMatchObject({ organizer: undefined, psb: undefined, govCode: undefined, conacUrl: undefined });
  });
  it('read the 公安机关备案号 as issued, with the number its registry looks up', () => {
    const config = siteConfig({
      SITE_ORGANIZER: ' 市教育局办公室 ',
      SITE_PSB: '豫公网安备41010502000123号',
      SITE_GOV_CODE: '4101000001',
      SITE_CONAC_URL: 'https://bszs.conac.cn/sitename?method=show&id=0A1B2C',
    });
    expect(config).toMatchObject({
      organizer: '市教育局办公室',
      psb: { text: '豫公网安备41010502000123号', code: '41010502000123' },
      govCode: '4101000001',
      conacUrl: 'https://bszs.conac.cn/sitename?method=show&id=0A1B2C',
    });
  });
  it('say which setting is wrong, what was found and what was expected', () => {
    expect(() => siteConfig({ SITE_PSB: '豫公网安备' })).toThrow(/^SITE_PSB: expected the 公安机关备案号 as issued.*found "豫公网安备"/);
    expect(() => siteConfig({ SITE_GOV_CODE: '41010' })).toThrow(
      /^SITE_GOV_CODE: expected the ten-character 政府网站标识码.*found "41010"/,
    );
    expect(() => siteConfig({ SITE_CONAC_URL: 'javascript:alert(1)' })).toThrow(
      /^SITE_CONAC_URL: expected an http:\/\/ or https:\/\/ address/,
    );
  });
});

describe('series spans', () => {
  it('give each series its first and last year, its count and its years newest first', () => {
    const issues = [
      { series: 'a', year: 2019 },
      { series: 'a', year: 2024 },
      { series: 'a', year: 2024 },
      { series: 'b', year: 2023 },
    ];
    expect(Object.fromEntries(seriesSpans(issues))).toEqual({
      a: {
        first: 2019,
        last: 2024,
        count: 3,
        years: [
          { year: 2024, count: 2 },
          { year: 2019, count: 1 },
        ],
      },
      b: { first: 2023, last: 2023, count: 1, years: [{ year: 2023, count: 1 }] },
    });
  });
});

describe('section pages', () => {
  it('group a series’ sectioned articles by section and year, newest first, each knowing the section’s years', () => {
    const article = (series: string, year: number, title: string, section?: string) => ({
      series,
      year,
      title,
      ...(section && { section, sectionSlug: section === '工作动态' ? 'dongtai' : 'xiaoyuan' }),
    });
    const pages = sectionYears([
      article('a', 2022, 'one', '工作动态'),
      article('a', 2022, 'two', '学校动态'),
      article('a', 2022, 'three', '工作动态'),
      article('a', 2022, 'lead'),
      article('a', 2023, 'four', '工作动态'),
      article('b', 2023, 'five', '工作动态'),
    ]);
    expect(pages.map((page) => [page.series, page.sectionSlug, page.year, page.articles.map((a) => a.title), page.years])).toEqual([
      ['a', 'dongtai', 2022, ['three', 'one'], [2022, 2023]],
      ['a', 'xiaoyuan', 2022, ['two'], [2022]],
      ['a', 'dongtai', 2023, ['four'], [2022, 2023]],
      ['b', 'dongtai', 2023, ['five'], [2023]],
    ]);
  });
});
