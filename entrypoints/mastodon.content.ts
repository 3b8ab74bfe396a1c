import { defineContentScript } from 'wxt/utils/define-content-script';
import { hookSite } from '../src/page/hook-site';
import { mastodon } from '../src/sites/mastodon';

// Declared for mastodon.social; other instances get this same file registered at runtime for the
// hosts the user added in options (src/worker/content-scripts.ts).
export default defineContentScript({
  matches: mastodon.matches,
  runAt: 'document_idle',
  main: (ctx) => void hookSite(ctx, mastodon),
});
