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
  /** A release was refused: the post stays held, and the held dialog says why. */
  releaseRefused(refusal: ReleaseRefusal): void;
  failedOpen(reason: FailOpenReason, via: AttemptVia): void;
  /** Records an audit event for the current draft; resolves false when it could not. */
  audit(kind: 'held' | 'override' | 'released', extra?: { reason?: string; detail?: Record<string, unknown> }): Promise<boolean>;
  /** Context for issue 4's approval request. */
  approvalContext(): { site: string; handle?: string; findings: Finding[] };
}

export type ReleaseOptions =
  | { by: 'override'; reason: string }
  | {
      by: 'approval';
      detail?: Record<string, unknown>;
      /**
       * The other composers the same button posts, whose text the approval covered with this
       * one's (Gate.postedTogether): released with it, each for its text now.
       */
      together?: GateTarget[];
    };

/**
 * Why a release did not happen (the post stays held):
 * - `reason-too-short`: an override needs MIN_OVERRIDE_REASON characters;
 * - `override-not-allowed`: the policy in force (policy.allowOverride) forbids overrides;
 * - `not-held`: the composer is not held now (the check for its text is pending or passed);
 * - `audit-failed`: the background did not confirm the override was written to the audit log;
 * - `text-changed`: the draft was edited while the release was being recorded.
 */
export type ReleaseRefusal = 'reason-too-short' | 'override-not-allowed' | 'not-held' | 'audit-failed' | 'text-changed';

export type ReleaseResult = { released: true } | { released: false; refusal: ReleaseRefusal };

export interface RequestApprovalDetail {
  composerId: number;
  site: string;
  handle?: string;
  text: string;
  findings: Finding[];
}

export const MIN_OVERRIDE_REASON = 5;
