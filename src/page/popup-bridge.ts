/**
 * Answers the toolbar popup (tabs.sendMessage to this tab's top frame): the composers' findings,
 * hold and approval state, and the popup's "request approval" / "enter approval codes", which go
 * through the same ApprovalFlow as the in-page panel. Only messages keyed `kakunin` are answered;
 * anything else is left to other listeners.
 */
import { browser } from 'wxt/browser';
import type { PageMessage, PageReply } from '../messaging/page-protocol';
import type { ApprovalFlow } from './approval-flow';

type Reply = PageReply<PageMessage['kakunin']>;

export function answerPopup(flow: ApprovalFlow, site: string, signal: AbortSignal): void {
  const listener = (raw: unknown, _sender: unknown, respond: (r: Reply) => void): boolean | undefined => {
    const m = raw as Partial<PageMessage> | undefined;
    if (!m || typeof m !== 'object' || typeof m.kakunin !== 'string') return undefined;
    let answer: Promise<Reply> | Reply;
    if (m.kakunin === 'pageState') answer = { site, composers: flow.composerStates() };
    else if (m.kakunin === 'requestApproval' && typeof m.composerId === 'number') answer = flow.request(m.composerId);
    else if (m.kakunin === 'verifyApproval' && typeof m.composerId === 'number' && typeof m.codes === 'string') answer = flow.verify(m.composerId, m.codes);
    else return undefined;
    void Promise.resolve(answer).then(respond);
    return true; // answer asynchronously
  };
  browser.runtime.onMessage.addListener(listener as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener as Parameters<typeof browser.runtime.onMessage.removeListener>[0]));
}
