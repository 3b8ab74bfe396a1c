import { defineContentScript } from 'wxt/utils/define-content-script';
import { hookSite } from '../src/page/hook-site';
import { note } from '../src/sites/note';

export default defineContentScript({
  matches: note.matches,
  runAt: 'document_idle',
  main: (ctx) => void hookSite(ctx, note),
});
