/** The gate's vocabulary: what a composer answers about a post attempt, and how it is released. */
import type { Finding } from '../engine/finding';

export type FailOpenReason = 'unreachable' | 'timeout' | 'post-button-missing';

export type Decision =
  | { kind: 'pass' }
  | { kind: 'pending' }
  | { kind: 'hold'; reason: 'findings' | 'approval-required'; findings: Finding[]; allowOverride: boolean }
  | { kind: 'fail-open'; reason: FailOpenReason };

export type AttemptVia = 'click' | 'keyboard' | 'submit';

/** A post attempt the gate stopped, kept so release() can replay it. */
export interface Attempt {
  via: AttemptVia;
  button?: HTMLElement;
  form?: HTMLFormElement;
  submitter?: HTMLElement | null;
}

/** What the gate needs from a composer (src/page/composer.ts implements it). */
export interface GateTarget {
  readonly id: number;
  readonly editor: HTMLElement;
  postButton(): HTMLElement | null;
  /** The editor's text right now (read fresh, not from the last frame). */
  currentText(): string;
  decide(): Decision;
  /** Gets the check for the current text now; resolves when it is in or failed. */
  flush(): Promise<unknown>;
  showChecking(): void;
  showHeld(decision: Extract<Decision, { kind: 'hold' }>): void;
  hideGate(): void;
  failedOpen(reason: FailOpenReason, via: AttemptVia): void;
  /** Records an audit event for the current draft; resolves false when it could not. */
  audit(kind: 'held' | 'override' | 'released', extra?: { reason?: string; detail?: Record<string, unknown> }): Promise<boolean>;
  /** Context for issue 4's approval request. */
  approvalContext(): { site: string; handle?: string; findings: Finding[] };
}

export type ReleaseOptions =
  | { by: 'override'; reason: string }
  | { by: 'approval'; detail?: Record<string, unknown> };

export interface RequestApprovalDetail {
  composerId: number;
  site: string;
  handle?: string;
  text: string;
  findings: Finding[];
}

export const MIN_OVERRIDE_REASON = 5;
