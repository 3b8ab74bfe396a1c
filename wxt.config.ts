import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { ensureIpadicFile, loadNodeTokenizer } from './src/node/ipadic';
import { cachedModelFile } from './src/node/model-cache';
import { cachedBuiltinSnapshotFile } from './src/node/snapshot-cache';
import { verifyBuiltinDictionaries } from './src/node/verify-dictionaries';

// WXT imports this file in Node at build time: keep it declarative.
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  // KAKUNIN_OUT_DIR: a private output folder, so parallel work does not rebuild under a running test
  outDir: process.env.KAKUNIN_OUT_DIR ?? '.output',
  imports: false,
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact()],
  }),
  hooks: {
    // A dictionary entry whose own examples fail is a build error (prh-style specs).
    // KAKUNIN_SKIP_DICTIONARY_CHECK=1 skips it for local UI work only; tests and CI never set it.
    'build:before': async () => {
      if (process.env.KAKUNIN_SKIP_DICTIONARY_CHECK === '1') return;
      const { problems } = await verifyBuiltinDictionaries();
      if (problems.length) {
        throw new Error(`built-in dictionaries failed their examples (fix them, or set KAKUNIN_SKIP_DICTIONARY_CHECK=1 for local UI work):\n${problems.join('\n')}`);
      }
    },
    // The tokenizer dictionary comes from the kuromoji package at build time (never a committed
    // copy), converted to Kakunin's compact container; see src/engine/tokenizer/ipadic-format.ts.
    // The built-in lists ship compiled (dict/builtin-index.kix, src/engine/matchers/snapshot-format.ts)
    // so a fresh worker does not tokenize ~90k pattern parts before its first check.
    'build:publicAssets': async (_wxt, files) => {
      files.push({ absoluteSrc: ensureIpadicFile(), relativeDest: 'dict/ipadic.kkd' });
      files.push({ absoluteSrc: cachedBuiltinSnapshotFile(await loadNodeTokenizer()), relativeDest: 'dict/builtin-index.kix' });
      // The learned second stage, trained from dictionaries/corpus (src/engine/model/, README).
      files.push({ absoluteSrc: cachedModelFile(), relativeDest: 'dict/model.kkm' });
    },
  },
  manifest: ({ browser }) => ({
    name: 'Kakunin 確認',
    description: '投稿前に、炎上リスクをローカルで確認します。Checks social posts before they go out, locally.',
    default_locale: undefined,
    // alarms: the audit log's daily retention prune (src/worker/audit-retention.ts).
    // scripting: content scripts registered at runtime for the Mastodon instances and "any text box"
    // sites added in options (src/worker/content-scripts.ts).
    // unlimitedStorage: a company's 10k-entry word list is ~3 MB; storage.local otherwise caps at 10 MB.
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'scripting'],
    // Mastodon instances and other sites the user adds on the options page, asked for one origin at a time.
    optional_host_permissions: ['https://*/*'],
    // Chrome reads managed policy through this schema (public/managed_schema.json); Firefox takes
    // policies.json "3rdparty" data instead and warns about the unknown manifest key.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed_schema.json' } }),
  }),
});
