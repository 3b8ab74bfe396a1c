/** Renders the real options page over the fake browser (storage, managed storage, permissions). */
import { render, screen } from '@testing-library/preact';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Transport } from '../../../src/messaging/client';
import type { Lang } from '../../../src/ui/i18n/lang';
import { OptionsApp } from '../../../src/ui/options/OptionsApp';
import { createOptionsServices } from '../../../entrypoints/options/services';
import { loadSettings } from '../../../src/storage/settings';

export interface Harness {
  downloads: Array<{ fileName: string; text: string; mime: string }>;
  granted: Set<string>;
  /** what permissions.request answers */
  grant: { next: boolean };
}

/** A background that finds nothing (tests of the try box bring the real one). */
export const quietTransport: Transport = async (m) =>
  m.type === 'checkDraft' ? { ok: true, value: { findings: [], account: m.context.account ?? 'company', hold: { held: false, reason: null, allowOverride: true } } } : { ok: false, error: 'unexpected' };

export function setupBrowser(): Harness {
  const h: Harness = { downloads: [], granted: new Set(), grant: { next: true } };
  // fake-browser leaves permissions unimplemented
  Object.assign(fakeBrowser.permissions, {
    request: vi.fn(async ({ origins }: { origins: string[] }) => {
      if (h.grant.next) origins.forEach((o) => h.granted.add(o));
      return h.grant.next;
    }),
    contains: vi.fn(async ({ origins }: { origins: string[] }) => origins.every((o) => h.granted.has(o))),
    remove: vi.fn(async ({ origins }: { origins: string[] }) => {
      origins.forEach((o) => h.granted.delete(o));
      return true;
    }),
  });
  return h;
}

export async function renderOptions(h: Harness, options: { lang?: Lang; transport?: Transport } = {}) {
  const services = createOptionsServices(options.transport ?? quietTransport);
  services.download = (fileName, text, mime) => void h.downloads.push({ fileName, text, mime });
  const view = render(<OptionsApp services={services} lang={options.lang ?? 'en'} />);
  await screen.findByRole('heading', { level: 1 });
  await screen.findByRole('navigation', { name: options.lang === 'ja' ? '設定の項目' : 'Settings sections' });
  return { ...view, services };
}

export const stored = async () => (await loadSettings()).settings;

/** Chooses a file in an <input type=file>. */
export function fileFor(name: string, text: string | Uint8Array): File {
  return new File([text as BlobPart], name);
}
