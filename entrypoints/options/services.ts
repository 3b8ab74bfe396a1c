/**
 * Wiring of the options page to the browser: settings storage, managed policy, the background's
 * checkDraft (through the one messaging client), optional host permissions and downloads.
 */
import { browser } from 'wxt/browser';
import { DictionaryError } from '../../src/engine/dictionary/errors';
import { createClient, type Transport } from '../../src/messaging/client';
import { builtinCalendar, builtinDictionaries, builtinIds } from '../../src/rules/builtin';
import { loadEffectiveSettings } from '../../src/storage/policy';
import { loadBackups, updateSettings, watchSettings } from '../../src/storage/settings';
import type { BuiltinData, OptionsServices } from '../../src/ui/options/services';

const pattern = (origin: string) => `${origin}/*`;

function readBuiltin(): BuiltinData {
  try {
    return { lists: builtinDictionaries(), calendar: builtinCalendar(), ids: builtinIds() };
  } catch (e) {
    // a broken built-in list must not take the whole page down
    return { lists: [], calendar: [], error: e instanceof DictionaryError ? e.message : String(e) };
  }
}

export function createOptionsServices(transport: Transport = (m) => browser.runtime.sendMessage(m)): OptionsServices {
  const send = createClient(transport);
  let builtin: BuiltinData | undefined;
  const readBuiltinOnce = () => (builtin ??= readBuiltin());
  return {
    async load() {
      // the policy's ids are checked against the built-ins (when they could be read)
      const [eff, backups] = await Promise.all([loadEffectiveSettings(readBuiltinOnce().ids), loadBackups()]);
      return { own: eff.own, managed: eff.managed, problems: eff.problems, backups };
    },
    update: (change) => updateSettings(change),
    watch: (onChange) => watchSettings(onChange),
    builtin: readBuiltinOnce,
    check: (text, context) => send({ type: 'checkDraft', text, context }),
    requestOrigin: (origin) => browser.permissions.request({ origins: [pattern(origin)] }),
    hasOrigin: (origin) => browser.permissions.contains({ origins: [pattern(origin)] }),
    removeOrigin: async (origin) => {
      await browser.permissions.remove({ origins: [pattern(origin)] });
    },
    audit: {
      list: (filter) => send({ type: 'listAudit', filter }),
      export: (filter, format) => send({ type: 'exportAudit', filter, format }),
      prune: () => send({ type: 'pruneAudit' }),
    },
    download(fileName, text, mime) {
      const url = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }));
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  };
}
