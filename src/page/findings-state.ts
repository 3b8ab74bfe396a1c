/**
 * The findings one composer shows: the last reply's findings moved onto the editor's current
 * text (span-remap.ts), minus the ones the user dismissed, and what they mean for the badge and
 * the gate. A dismissal hides that rule's hit on those exact words in this composer until the
 * composer is emptied (the post went out or was cleared); it is recorded in the audit log.
 */
import type { Finding, Severity } from '../engine/finding';
import type { Hold } from '../messaging/protocol';
import type { BadgeState, ShownFinding } from '../ui/in-page/view';
import { remapSpans } from './span-remap';

const RANK: Record<Severity, number> = { info: 0, warn: 1, block: 2 };

export interface HoldPolicy {
  holdAt: 'block' | 'warn';
  allowOverride: boolean;
}

export const dismissKey = (f: Pick<Finding, 'rule' | 'text'>) => `${f.rule}|${f.text}`;

export class FindingsState {
  private text = '';
  private findings: Finding[] = [];
  private readonly dismissed = new Set<string>();

  /** `policy` is shared and kept current by hook-site.ts (settings can change while a page is open). */
  constructor(private readonly policy: Readonly<HoldPolicy>) {}

  get currentText(): string {
    return this.text;
  }

  /** The editor's text changed: findings follow their words, touched ones go. */
  setText(text: string): void {
    if (text === this.text) return;
    this.findings = remapSpans(this.findings, this.text, text);
    this.text = text;
    if (text.trim() === '') this.dismissed.clear();
  }

  /** A reply for `draftText` (maybe older than the current text). */
  apply(draftText: string, findings: readonly Finding[]): void {
    this.findings = remapSpans(findings, draftText, this.text).sort((a, b) => a.start - b.start || RANK[b.severity] - RANK[a.severity]);
  }

  dismiss(key: string): Finding | undefined {
    const hit = this.findings.find((f) => dismissKey(f) === key);
    if (hit) this.dismissed.add(key);
    return hit;
  }

  isDismissed(f: Pick<Finding, 'rule' | 'text'>): boolean {
    return this.dismissed.has(dismissKey(f));
  }

  /** Findings that would hold the post may be dismissed only where overrides are allowed. */
  private dismissible(f: Finding): boolean {
    return RANK[f.severity] < RANK[this.policy.holdAt] || this.policy.allowOverride;
  }

  shown(): ShownFinding[] {
    const seen = new Map<string, number>();
    const out: ShownFinding[] = [];
    for (const f of this.findings) {
      const key = dismissKey(f);
      if (this.dismissed.has(key)) continue;
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      out.push({ key, id: `${key}#${n}`, finding: f, dismissible: this.dismissible(f) });
    }
    return out;
  }

  badge(): { state: BadgeState; counts: Record<Severity, number> } {
    const counts: Record<Severity, number> = { info: 0, warn: 0, block: 0 };
    for (const { finding } of this.shown()) counts[finding.severity]++;
    const state: BadgeState = counts.block ? 'block' : counts.warn ? 'warn' : counts.info ? 'info' : 'ok';
    return { state, counts };
  }

  /**
   * Whether a reply holds the post once dismissals are taken into account: a findings hold stands
   * while a finding at or above the policy's level is not dismissed; an approval hold always
   * stands. Without dismissals the background's word stands as it is: it decided with the current
   * policy, while this page's copy of the policy may be older.
   */
  holding(findings: readonly Finding[], hold: Hold): { held: boolean; findings: Finding[] } {
    if (!hold.held) return { held: false, findings: [] };
    const live = findings.filter((f) => !this.isDismissed(f));
    if (hold.reason === 'approval-required') return { held: true, findings: live };
    const atLevel = live.filter((f) => RANK[f.severity] >= RANK[this.policy.holdAt]);
    if (live.length === findings.length) return { held: true, findings: atLevel.length ? atLevel : live };
    return { held: atLevel.length > 0, findings: atLevel };
  }
}
