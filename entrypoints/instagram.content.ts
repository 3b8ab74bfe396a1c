import { defineContentScript } from 'wxt/utils/define-content-script';
import { hookSite } from '../src/page/hook-site';
import { instagram } from '../src/sites/instagram';

export default defineContentScript({
  matches: instagram.matches,
  runAt: 'document_idle',
  main: (ctx) => void hookSite(ctx, instagram),
});
