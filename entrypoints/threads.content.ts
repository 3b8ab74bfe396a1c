import { defineContentScript } from 'wxt/utils/define-content-script';
import { hookSite } from '../src/page/hook-site';
import { threads } from '../src/sites/threads';

export default defineContentScript({
  matches: threads.matches,
  runAt: 'document_idle',
  main: (ctx) => void hookSite(ctx, threads),
});
