import { defineContentScript } from 'wxt/utils/define-content-script';
import { hookSite } from '../src/page/hook-site';
import { facebook } from '../src/sites/facebook';

export default defineContentScript({
  matches: facebook.matches,
  runAt: 'document_idle',
  main: (ctx) => void hookSite(ctx, facebook),
});
