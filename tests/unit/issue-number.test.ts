import { describe, expect, it } from 'vitest';
import { issueLabel, issueLabelWithTotal, issueSlug, parseIssueSlug } from '../../src/lib/issue-number.ts';

describe('issue numbers', () => {
  it('prints single, combined and supplement issues', () => {
    expect(issueLabel({ number: 59 })).toBe('第59期');
    expect(issueLabel({ number: 12, numberEnd: 13 })).toBe('第12-13期');
    expect(issueLabel({ number: 1, supplement: true })).toBe('增刊第1期');
    expect(issueLabelWithTotal({ number: 5, totalNumber: 120 })).toBe('第5期（总第120期）');
  });
  it('makes ASCII slugs that read back', () => {
    for (const issue of [{ number: 59 }, { number: 12, numberEnd: 13 }, { number: 2, supplement: true }]) {
      expect(parseIssueSlug(issueSlug(issue))).toEqual(issue);
    }
    expect(issueSlug({ number: 12, numberEnd: 13 })).toBe('12-13');
    expect(issueSlug({ number: 1, supplement: true })).toBe('zk1');
  });
  it('refuses slugs that are no issue', () => {
    for (const slug of ['059', '13-12', 'zk', 'a1', '', '5-5']) expect(parseIssueSlug(slug)).toBeUndefined();
  });
});
