/** What the approval page needs from the browser (entrypoints/approve/services.ts wires it). */
import type { DecisionKind } from '../../approval/decision-codec';
import type { ReplyOf } from '../../messaging/protocol';

export interface ApproveServices {
  /** the request code or link the page was opened with (location.hash), if any */
  initialInput(): string | undefined;
  getIdentity(): Promise<ReplyOf<'getIdentity'>>;
  createIdentity(name: string): Promise<ReplyOf<'createIdentity'>>;
  open(input: string): Promise<ReplyOf<'openApprovalRequest'>>;
  decide(input: string, decision: DecisionKind, comment: string): Promise<ReplyOf<'decideApproval'>>;
  copy(text: string): Promise<void>;
}
