/**
 * Wiring of the popup: the background through the one messaging client, the active tab's content
 * script through tabs.sendMessage (top frame; every reply parsed), settings for the checklist,
 * session storage for the ticks.
 */
import { browser } from 'wxt/browser';
import { createClient, type Transport } from '../../src/messaging/client';
import { PageReplySchemas, type PageMessage, type PageReply } from '../../src/messaging/page-protocol';
import { checkApprovalPolicy } from '../../src/storage/approval-policy';
import { loadEffectiveSettings } from '../../src/storage/policy';
import type { PopupServices } from '../../src/ui/popup/services';

/** Sends to the active tab's content script; undefined when nothing there answers. */
export type PageTransport = (message: PageMessage) => Promise<unknown>;

/**
 * The tab the popup is about: the active one, or `popup.html#tab=<id>` when the popup is opened
 * in a window of its own (it is then the active tab itself).
 */
async function activeTabId(): Promise<number | undefined> {
  const pinned = Number(new URLSearchParams(globalThis.location?.hash.slice(1) ?? '').get('tab'));
  if (Number.isInteger(pinned) && pinned > 0) return pinned;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

const defaultPageTransport: PageTransport = async (message) => {
  const tabId = await activeTabId();
  if (tabId === undefined) return undefined;
  return browser.tabs.sendMessage(tabId, message, { frameId: 0 });
};

export function createPopupServices(transport: Transport = (m) => browser.runtime.sendMessage(m), page: PageTransport = defaultPageTransport): PopupServices {
  const send = createClient(transport);
  const ask = async <K extends PageMessage['kakunin']>(message: Extract<PageMessage, { kakunin: K }>): Promise<PageReply<K>> => {
    const parsed = PageReplySchemas[message.kakunin].safeParse(await page(message));
    if (!parsed.success) throw new Error(`unexpected reply from the page to ${message.kakunin}`);
    return parsed.data as PageReply<K>;
  };
  const ticksKey = async (composerId: number) => `checklist:${(await activeTabId()) ?? 0}:${composerId}`;
  return {
    getIdentity: () => send({ type: 'getIdentity' }),
    createIdentity: (name) => send({ type: 'createIdentity', name }),
    async pageState() {
      try {
        return await ask<'pageState'>({ kakunin: 'pageState' });
      } catch {
        return undefined; // no content script in this tab (not a supported site, or not yet loaded)
      }
    },
    requestApproval: (composerId) => ask<'requestApproval'>({ kakunin: 'requestApproval', composerId }),
    verifyApproval: (composerId, codes) => ask<'verifyApproval'>({ kakunin: 'verifyApproval', composerId, codes }),
    checklist: async () => (await loadEffectiveSettings()).settings.checklist,
    approvalIssues: async () => checkApprovalPolicy((await loadEffectiveSettings()).settings),
    async loadTicks(composerId) {
      const key = await ticksKey(composerId);
      const value = (await browser.storage.session.get(key))[key];
      return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
    },
    async saveTicks(composerId, ids) {
      await browser.storage.session.set({ [await ticksKey(composerId)]: ids });
    },
    copy: (text) => navigator.clipboard.writeText(text),
    openOptions: () => void browser.runtime.openOptionsPage(),
    // This browser's own approval page: a request link made on another machine may name another
    // extension id (unpacked installs differ), so approvers open it here and paste the code.
    openApprovalPage: () => void browser.tabs.create({ url: (browser.runtime.getURL as (path: string) => string)('/approve.html') }),
  };
}
