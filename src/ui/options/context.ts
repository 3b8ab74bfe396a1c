/** What every options section shares, so sections take no long prop lists. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Lang } from '../i18n/lang';
import type { Settings } from '../../storage/settings-schema';
import type { BuiltinData, OptionsData, OptionsServices } from './services';

export type Text = { ja: string; en: string };

export interface ApplyOptions {
  /** status message once saved (a function: worked out after the save, e.g. with its duration) */
  done?: Text | (() => Text);
  /** offer "Undo" (restores the settings as they were right before this change) */
  undoable?: boolean;
}

export interface OptionsContextValue {
  lang: Lang;
  t: (m: Text) => string;
  data: OptionsData;
  /** own settings with the managed policy merged over them: what is in force */
  effective: Settings;
  /** lock keys (storage/policy.ts lockKey) of what the admin set */
  locked: ReadonlySet<string>;
  builtin: BuiltinData;
  /** id → where, for every built-in entry */
  builtinIds: ReadonlyMap<string, string>;
  services: OptionsServices;
  /** Saves a change; resolves false (and shows why) if it was refused. */
  apply(change: (s: Settings) => Settings, options?: ApplyOptions): Promise<boolean>;
}

export const OptionsContext = createContext<OptionsContextValue | null>(null);

export function useOptions(): OptionsContextValue {
  const v = useContext(OptionsContext);
  if (!v) throw new Error('options section rendered outside OptionsApp');
  return v;
}
