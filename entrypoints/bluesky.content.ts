import { defineContentScript } from 'wxt/utils/define-content-script';
import { hookSite } from '../src/page/hook-site';
import { bluesky } from '../src/sites/bluesky';

export default defineContentScript({
  matches: bluesky.matches,
  runAt: 'document_idle',
  main: (ctx) => void hookSite(ctx, bluesky),
});
