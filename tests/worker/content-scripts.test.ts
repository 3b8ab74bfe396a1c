import { describe, expect, it } from 'vitest';
import { createContentScriptSync, desiredContentScripts, type RegisteredScript, type ScriptingApi } from '../../src/worker/content-scripts';
import type { CustomSite } from '../../src/storage/settings-schema';

const STATIC = ['https://mastodon.social/*', 'https://x.com/*'];
const site = (origin: string, kind: CustomSite['kind'], enabled = true): CustomSite => ({ origin, kind, enabled });
/** Settings with these added sites; "check every text box" on unless said. */
const sites = (customSites: CustomSite[], anyTextBox = true) => ({ customSites, anyTextBox });

/** chrome.scripting's registry, in memory, refusing a duplicate id (and an update of an unknown one) as Chrome does. */
function fakeScripting(): ScriptingApi & { registry: Map<string, RegisteredScript>; calls: string[] } {
  const registry = new Map<string, RegisteredScript>();
  const calls: string[] = [];
  return {
    registry,
    calls,
    async getRegisteredContentScripts(filter) {
      return [...registry.values()].filter((s) => !filter?.ids || filter.ids.includes(s.id));
    },
    async registerContentScripts(scripts) {
      calls.push(`register ${scripts.map((s) => s.id).join(',')}`);
      for (const s of scripts) if (registry.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
      for (const s of scripts) registry.set(s.id, s);
    },
    async updateContentScripts(scripts) {
      calls.push(`update ${scripts.map((s) => s.id).join(',')}`);
      for (const s of scripts) if (!registry.has(s.id)) throw new Error(`Content script with ID '${s.id}' does not exist`);
      for (const s of scripts) registry.set(s.id, s);
    },
    async unregisterContentScripts(filter) {
      calls.push(`unregister ${filter?.ids?.join(',')}`);
      for (const id of filter?.ids ?? [...registry.keys()]) registry.delete(id);
    },
  };
}

describe('desiredContentScripts', () => {
  it('registers enabled Mastodon instances and any-text-box origins under one script each', () => {
    const desired = desiredContentScripts(
      sites([
        site('https://social.example.jp', 'mastodon'),
        site('https://fedi.example.com', 'mastodon'),
        site('https://off.example.com', 'mastodon', false),
        site('https://blog.example.jp', 'any'),
      ]),
      STATIC,
    );
    expect(desired).toEqual([
      { id: 'kakunin-mastodon', js: ['content-scripts/mastodon.js'], matches: ['https://fedi.example.com/*', 'https://social.example.jp/*'], runAt: 'document_idle', persistAcrossSessions: true },
      { id: 'kakunin-any', js: ['content-scripts/any.js'], matches: ['https://blog.example.jp/*'], runAt: 'document_idle', persistAcrossSessions: true },
    ]);
  });

  it('leaves out origins a manifest content script already covers (no double runtime)', () => {
    expect(desiredContentScripts(sites([site('https://mastodon.social', 'mastodon'), site('https://x.com', 'any')]), STATIC)).toEqual([]);
  });

  it('registers no "any text box" site while anyTextBox is off; Mastodon instances stay', () => {
    const added = [site('https://social.example.jp', 'mastodon'), site('https://blog.example.jp', 'any')];
    expect(desiredContentScripts(sites(added, false), STATIC).map((s) => [s.id, s.matches])).toEqual([['kakunin-mastodon', ['https://social.example.jp/*']]]);
    expect(desiredContentScripts(sites(added, true), STATIC).map((s) => s.id)).toEqual(['kakunin-mastodon', 'kakunin-any']);
  });
});

describe('createContentScriptSync', () => {
  it('follows every change, serialized, and removes the registrations when none are left', async () => {
    const api = fakeScripting();
    const sync = createContentScriptSync(api, STATIC);
    void sync(sites([site('https://a.example', 'mastodon')]));
    void sync(sites([site('https://a.example', 'mastodon'), site('https://b.example', 'mastodon')]));
    await sync(sites([site('https://b.example', 'mastodon'), site('https://c.example', 'any')]));
    expect([...api.registry.values()].map((s) => [s.id, s.matches])).toEqual([
      ['kakunin-mastodon', ['https://b.example/*']],
      ['kakunin-any', ['https://c.example/*']],
    ]);
    await sync(sites([]));
    expect(api.registry.size).toBe(0);
  });

  it('leaves a registration that is already right alone and updates a changed one in place: no moment without the script', async () => {
    const api = fakeScripting();
    const sync = createContentScriptSync(api, STATIC);
    const one = sites([site('https://a.example', 'mastodon'), site('https://c.example', 'any')]);
    await sync(one);
    expect(api.calls).toEqual(['register kakunin-mastodon,kakunin-any']);
    // Another settings change (a word list, say) or a worker start: nothing to do.
    await sync(one);
    await createContentScriptSync(api, STATIC)(one);
    expect(api.calls).toHaveLength(1);
    // An instance added: the Mastodon script is updated, never unregistered; the other untouched.
    await sync(sites([site('https://a.example', 'mastodon'), site('https://b.example', 'mastodon'), site('https://c.example', 'any')]));
    expect(api.calls.slice(1)).toEqual(['update kakunin-mastodon']);
    expect(api.registry.get('kakunin-mastodon')!.matches).toEqual(['https://a.example/*', 'https://b.example/*']);
    // "Check every text box" off: only that script goes.
    await sync(sites([site('https://a.example', 'mastodon'), site('https://b.example', 'mastodon'), site('https://c.example', 'any')], false));
    expect(api.calls.slice(2)).toEqual(['unregister kakunin-any']);
    expect([...api.registry.keys()]).toEqual(['kakunin-mastodon']);
  });

  it('takes a registration Chrome reports with a leading slash or in another order as the same', async () => {
    const api = fakeScripting();
    api.registry.set('kakunin-mastodon', {
      id: 'kakunin-mastodon', js: ['/content-scripts/mastodon.js'], matches: ['https://b.example/*', 'https://a.example/*'], runAt: 'document_idle', persistAcrossSessions: true,
    });
    await createContentScriptSync(api, STATIC)(sites([site('https://a.example', 'mastodon'), site('https://b.example', 'mastodon')]));
    expect(api.calls).toEqual([]);
  });

  it('reads the sites only when its turn comes, so a change during a slow read still wins', async () => {
    // The background at start-up: a first sync reads the settings (slowly), the user changes
    // them, a second sync follows. The second must see the change and register last.
    const api = fakeScripting();
    const sync = createContentScriptSync(api, STATIC);
    let settings = sites([site('https://old.example', 'mastodon')]);
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const reads: string[] = [];
    void sync(async () => {
      const read = settings;
      reads.push(read.customSites[0]!.origin);
      await slow;
      return read;
    });
    await new Promise((resolve) => setTimeout(resolve, 0)); // the first read has begun
    settings = sites([site('https://new.example', 'mastodon')]);
    const second = sync(async () => {
      reads.push(settings.customSites[0]!.origin);
      return settings;
    });
    release();
    await second;
    expect(reads).toEqual(['https://old.example', 'https://new.example']);
    expect([...api.registry.values()].map((s) => s.matches)).toEqual([['https://new.example/*']]);
  });

  it('reports a failure instead of throwing, and recovers on the next change', async () => {
    const api = fakeScripting();
    const errors: unknown[] = [];
    const sync = createContentScriptSync({ ...api, registerContentScripts: async () => { throw new Error('boom'); } }, STATIC, (e) => errors.push(e));
    await sync(sites([site('https://a.example', 'mastodon')]));
    expect(errors).toHaveLength(1);
    const ok = createContentScriptSync(api, STATIC);
    await ok(sites([site('https://a.example', 'mastodon')]));
    expect(api.registry.has('kakunin-mastodon')).toBe(true);
  });
});
