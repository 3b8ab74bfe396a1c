import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/finding';
import { FindingsState } from '../../src/page/findings-state';

const at = (text: string, word: string, severity: Finding['severity'], rule = `compliance/${severity}-word`): Finding => {
  const start = text.indexOf(word);
  return { category: 'compliance', severity, start, end: start + word.length, text: word, rule, message: { ja: 'x', en: 'x' } };
};
const HELD = { held: true, reason: 'findings', allowOverride: true } as const;
const TEXT = '黒豆茶と白玉団子';

describe('FindingsState', () => {
  it('moves a reply for older text onto the current text and counts by severity', () => {
    const s = new FindingsState({ holdAt: 'block', allowOverride: true });
    s.setText(`新しい${TEXT}`);
    s.apply(TEXT, [at(TEXT, '白玉団子', 'warn'), at(TEXT, '黒豆茶', 'block')]);
    expect(s.shown().map((f) => [f.finding.start, f.finding.text])).toEqual([
      [3, '黒豆茶'],
      [7, '白玉団子'],
    ]);
    expect(s.badge()).toEqual({ state: 'block', counts: { info: 0, warn: 1, block: 1 } });
  });

  it('a dismissed finding no longer shows nor holds; an empty composer forgets dismissals', () => {
    const s = new FindingsState({ holdAt: 'block', allowOverride: true });
    s.setText(TEXT);
    const findings = [at(TEXT, '黒豆茶', 'block'), at(TEXT, '白玉団子', 'warn')];
    s.apply(TEXT, findings);
    expect(s.holding(findings, HELD).held).toBe(true);
    s.dismiss('compliance/block-word|黒豆茶');
    expect(s.shown().map((f) => f.finding.text)).toEqual(['白玉団子']);
    expect(s.holding(findings, HELD)).toEqual({ held: false, findings: [] });
    s.setText('');
    s.setText(TEXT);
    expect(s.holding(findings, HELD).held).toBe(true);
  });

  it('with holdAt=warn a warn finding holds; an approval hold stands whatever is dismissed', () => {
    const s = new FindingsState({ holdAt: 'warn', allowOverride: false });
    s.setText(TEXT);
    const warn = [at(TEXT, '白玉団子', 'warn')];
    s.apply(TEXT, warn);
    expect(s.holding(warn, HELD).held).toBe(true);
    // No overrides allowed: a finding that holds cannot be dismissed either.
    expect(s.shown()[0]?.dismissible).toBe(false);
    expect(s.holding([], { held: true, reason: 'approval-required', allowOverride: false }).held).toBe(true);
    expect(s.holding(warn, { held: false, reason: null, allowOverride: false }).held).toBe(false);
  });

  it("keeps the background's hold when the page's policy copy is older and nothing was dismissed", () => {
    // The page loaded with holdAt=block; the company switched to warn since: the worker holds a warn.
    const s = new FindingsState({ holdAt: 'block', allowOverride: true });
    s.setText(TEXT);
    const warn = [at(TEXT, '白玉団子', 'warn')];
    s.apply(TEXT, warn);
    expect(s.holding(warn, HELD)).toEqual({ held: true, findings: warn });
  });

  it('follows a policy changed in place (hook-site.ts updates the shared object)', () => {
    const policy = { holdAt: 'block' as 'block' | 'warn', allowOverride: true };
    const s = new FindingsState(policy);
    s.setText(TEXT);
    const findings = [at(TEXT, '黒豆茶', 'block'), at(TEXT, '白玉団子', 'warn')];
    s.apply(TEXT, findings);
    s.dismiss('compliance/block-word|黒豆茶');
    expect(s.holding(findings, HELD).held).toBe(false);
    policy.holdAt = 'warn';
    expect(s.holding(findings, HELD)).toEqual({ held: true, findings: [findings[1]] });
  });
});
