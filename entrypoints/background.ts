import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../src/worker/main';

export default defineBackground({
  type: 'module',
  main() {
    startBackground();
  },
});
