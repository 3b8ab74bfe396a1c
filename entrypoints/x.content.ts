import { defineContentScript } from 'wxt/utils/define-content-script';
import { hookSite } from '../src/page/hook-site';
import { x } from '../src/sites/x';

export default defineContentScript({
  matches: x.matches,
  runAt: 'document_idle',
  main: (ctx) => void hookSite(ctx, x),
});
