import { describe, expect, it } from 'vitest';
import { issueQuery, readSearchState, searchFilters, writeSearchState } from '../../src/lib/search/state.ts';

describe('search state in the URL', () => {
  it('round-trips query, filters and order', () => {
    const state = readSearchState(new URLSearchParams('q=双减&section=市局工作&year=2022&sort=newest'));
    expect(state).toEqual({ q: '双减', series: '', year: '2022', section: '市局工作', sort: 'newest', issue: '' });
    expect(readSearchState(new URLSearchParams(writeSearchState(state)))).toEqual(state);
    expect(searchFilters(state)).toEqual({ year: '2022', section: '市局工作' });
  });
  it('falls back to defaults for odd values and writes short URLs', () => {
    const state = readSearchState(new URLSearchParams('q=%20垌头村%20&year=22&sort=random'));
    expect(state).toMatchObject({ q: '垌头村', year: '', sort: 'relevance' });
    expect(writeSearchState(state)).toBe('?q=%E5%9E%8C%E5%A4%B4%E6%9D%91');
    expect(writeSearchState(readSearchState(new URLSearchParams()))).toBe('');
  });
});

describe('issue-number queries', () => {
  it('recognises the ways readers type an issue number', () => {
    expect(issueQuery('第59期')).toBe('59');
    expect(issueQuery('59期')).toBe('59');
    expect(issueQuery(' 第 59 期 ')).toBe('59');
    expect(issueQuery('５９')).toBe('59');
    expect(issueQuery('第12-13期')).toBe('12-13');
    expect(issueQuery('双减')).toBeUndefined();
    expect(issueQuery('2021级学生')).toBeUndefined();
  });
});
