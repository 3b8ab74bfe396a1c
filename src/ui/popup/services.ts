/** What the popup needs from the browser (entrypoints/popup/services.ts wires it). */
import type { PageReply } from '../../messaging/page-protocol';
import type { ReplyOf } from '../../messaging/protocol';
import type { ApprovalPolicyIssue } from '../../storage/approval-policy';
import type { ChecklistItem } from '../../storage/settings-schema';

export interface PopupServices {
  getIdentity(): Promise<ReplyOf<'getIdentity'>>;
  createIdentity(name: string): Promise<unknown>;
  /** The active tab's composers; undefined when Kakunin does not run in that tab. */
  pageState(): Promise<PageReply<'pageState'> | undefined>;
  requestApproval(composerId: number): Promise<PageReply<'requestApproval'>>;
  verifyApproval(composerId: number, codes: string): Promise<PageReply<'verifyApproval'>>;
  /** settings.checklist in force */
  checklist(): Promise<ChecklistItem[]>;
  /** what is wrong with the approval settings in force (storage/approval-policy.ts), to say so */
  approvalIssues(): Promise<ApprovalPolicyIssue[]>;
  /** Ticked checklist items of one composer in the active tab (kept for the browser session). */
  loadTicks(composerId: number): Promise<string[]>;
  saveTicks(composerId: number, ids: string[]): Promise<void>;
  copy(text: string): Promise<void>;
  openOptions(): void;
  /** Opens Kakunin's approval page in a new tab (approvers paste a request code or link there). */
  openApprovalPage(): void;
}
