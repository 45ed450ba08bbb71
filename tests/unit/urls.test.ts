import { describe, expect, it } from 'vitest';
import {
  articleAnchorPath,
  articlePath,
  issuePath,
  normalizeBase,
  searchPath,
  sectionPath,
  seriesPath,
  withBase,
  yearPath,
} from '../../src/lib/urls.ts';

describe('URL scheme', () => {
  it('builds the documented paths', () => {
    expect(seriesPath('nlzf')).toBe('/nlzf/');
    expect(yearPath('nlzf', 2022)).toBe('/nlzf/2022/');
    expect(issuePath('nlzf', 2022, '59')).toBe('/nlzf/2022/59/');
    expect(articlePath('nlzf', 2022, '59', 'minqing')).toBe('/nlzf/2022/59/minqing/');
    expect(articleAnchorPath('nlzf', 2022, '59', 'minqing')).toBe('/nlzf/2022/59/#minqing');
    expect(sectionPath('nlzf', 'shiju', 2022)).toBe('/nlzf/sections/shiju/2022/');
  });
  it('puts the query and filters of a search in the URL, leaving out empty ones', () => {
    expect(searchPath()).toBe('/search/');
    expect(searchPath({ q: '双减', section: '市局工作', year: '' })).toBe(
      '/search/?q=%E5%8F%8C%E5%87%8F&section=%E5%B8%82%E5%B1%80%E5%B7%A5%E4%BD%9C',
    );
  });
  it('joins any base path without doubling or dropping slashes', () => {
    expect(withBase('/', '/nlzf/')).toBe('/nlzf/');
    expect(withBase('/jianbao/', '/nlzf/')).toBe('/jianbao/nlzf/');
    expect(withBase('/jianbao', 'search/')).toBe('/jianbao/search/');
    expect(normalizeBase(undefined)).toBe('/');
    expect(normalizeBase('jianbao')).toBe('/jianbao/');
    expect(normalizeBase('/a/b/')).toBe('/a/b/');
  });
});
