import { defineContentScript } from 'wxt/utils/define-content-script';
import { hookSite } from '../src/page/hook-site';
import { linkedin } from '../src/sites/linkedin';

export default defineContentScript({
  matches: linkedin.matches,
  runAt: 'document_idle',
  main: (ctx) => void hookSite(ctx, linkedin),
});
