import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// WXT imports this file in Node at build time: keep it declarative.
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  outDir: '.output',
  imports: false,
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: {
    name: 'Kakunin 確認',
    description: '投稿前に、炎上リスクをローカルで確認します。Checks social posts before they go out, locally.',
    default_locale: undefined,
    permissions: ['storage'],
  },
});
