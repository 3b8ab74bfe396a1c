/** Wiring of the approval page: the background through the one messaging client, the clipboard, the link. */
import { browser } from 'wxt/browser';
import { createClient, type Transport } from '../../src/messaging/client';
import type { ApproveServices } from '../../src/ui/approve/services';

export function createApproveServices(transport: Transport = (m) => browser.runtime.sendMessage(m), hash: () => string = () => location.hash): ApproveServices {
  const send = createClient(transport);
  return {
    // The whole fragment: parseRequestLink in the background finds `req=` in it.
    initialInput: () => (hash().includes('req=') ? hash() : undefined),
    getIdentity: () => send({ type: 'getIdentity' }),
    createIdentity: (name) => send({ type: 'createIdentity', name }),
    open: (input) => send({ type: 'openApprovalRequest', input }),
    decide: (input, decision, comment) => send({ type: 'decideApproval', input, decision, comment: comment || undefined }),
    copy: (text) => navigator.clipboard.writeText(text),
  };
}
