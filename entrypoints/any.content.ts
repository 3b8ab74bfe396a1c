import { defineContentScript } from 'wxt/utils/define-content-script';
import { hookSite } from '../src/page/hook-site';
import { any } from '../src/sites/any';

// Not in the manifest: registered at runtime for the origins the user turned on in options
// (src/worker/content-scripts.ts), so it needs no match patterns here.
export default defineContentScript({
  registration: 'runtime',
  runAt: 'document_idle',
  main: (ctx) => void hookSite(ctx, any),
});
