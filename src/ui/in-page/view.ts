/** What the in-page UI renders (props in) and what it can ask for (actions out). */
import type { Finding, Severity } from '../../engine/finding';
import type { ReleaseRefusal } from '../../page/gate-types';
import type { Lang } from '../i18n/lang';

export type BadgeState = 'ok' | Severity;
export type Notice = 'unreachable' | 'failed-open' | 'post-button-missing' | 'audit-failed' | 'approval-unavailable';

export interface ShownFinding {
  /** rule + matched words: what a dismissal hides */
  key: string;
  /** key + occurrence: stable while the draft is edited around it (list keys) */
  id: string;
  finding: Finding;
  /** may the user dismiss it (findings that hold the post only when overrides are allowed) */
  dismissible: boolean;
}

export type GateView =
  | { phase: 'checking' }
  | {
      phase: 'held';
      reason: 'findings' | 'approval-required';
      findings: Finding[];
      allowOverride: boolean;
      minReason: number;
      /** the last "post anyway" was refused: the post stays held, and the dialog says why */
      refusal?: ReleaseRefusal;
    };

export interface ComposerView {
  lang: Lang;
  state: BadgeState;
  counts: Record<Severity, number>;
  findings: ShownFinding[];
  checking: boolean;
  /** the last check failed: the findings shown may be stale and posts are not held */
  unavailable: boolean;
  notice?: Notice;
  panelOpen: boolean;
  gate?: GateView;
}

export interface ComposerActions {
  togglePanel(open?: boolean): void;
  dismiss(key: string, reason: string): Promise<void>;
  override(reason: string): Promise<void>;
  requestApproval(): void;
  closeGate(): void;
  clearNotice(): void;
}

export const MIN_REASON = 5;
/** The background refuses longer reasons (AUDIT_LIMITS.reason in src/messaging/protocol.ts). */
export const MAX_REASON = 1000;
