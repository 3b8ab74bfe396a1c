/**
 * Entry point of every site content script: `main: (ctx) => hookSite(ctx, adapter)`. Asks the
 * background whether the site is on and what the hold policy is, then runs the page runtime for
 * the content script's lifetime (ctx: removed on extension update or reload, so an old script
 * never gates a page it can no longer check).
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createLightClient } from '../messaging/light-client';
import type { Request } from '../messaging/protocol';
import type { SiteAdapter } from '../sites/site-adapter';
import { pickLang } from '../ui/i18n/lang';
import { ApprovalFlow, type ApprovalSend } from './approval-flow';
import type { Send } from './composer';
import { withLaterStep } from './later-step';
import { answerPopup } from './popup-bridge';
import { PageRuntime } from './runtime';

/** When the background cannot say (it is starting, or gone): check with the defaults, fail open. */
const DEFAULT_CONFIG = { enabled: true, holdAt: 'block', allowOverride: true } as const;

export async function hookSite(ctx: ContentScriptContext, adapter: SiteAdapter): Promise<PageRuntime | undefined> {
  const send = createLightClient((message: Request) => browser.runtime.sendMessage(message));
  const site = adapter.siteKey(location);
  // The host too: a Mastodon instance is the site `mastodon`, and also one entry of customSites.
  const host = location.host;
  const config = await send({ type: 'getPageConfig', site, host }).catch(() => DEFAULT_CONFIG);
  if (!config.enabled || ctx.isInvalid) return undefined;
  const lang = pickLang();
  // Shared with every composer and kept current: a company may tighten the policy while the page
  // is open (holds are decided by the background with the current policy; the page needs it for
  // dismissals). Turning a site off takes effect on its next load.
  const policy = { holdAt: config.holdAt, allowOverride: config.allowOverride };
  const onSettings = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'managed' && !('settings' in changes)) return;
    send({ type: 'getPageConfig', site, host }).then(
      (c) => {
        Object.assign(policy, { holdAt: c.holdAt, allowOverride: c.allowOverride });
        // Results checked under the old settings no longer decide a post.
        runtime.recheck();
      },
      () => undefined,
    );
  };
  browser.storage.onChanged.addListener(onSettings);
  ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onSettings));
  const runtime = new PageRuntime({
    // Sites that publish from a later page (note) get their last button gated: later-step.ts.
    adapter: withLaterStep(adapter, { doc: document, signal: ctx.signal, lang }),
    send: send as Send,
    policy,
    lang,
    signal: ctx.signal,
  });
  ctx.addEventListener(window, 'wxt:locationchange', () => runtime.navigated());
  // Issue 4: approval behind the gate's "request approval", and the toolbar popup's view of this page.
  answerPopup(new ApprovalFlow(runtime, { send: send as ApprovalSend, lang, signal: ctx.signal }), site, ctx.signal);
  return runtime;
}
