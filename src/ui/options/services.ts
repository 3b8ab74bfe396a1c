/**
 * What the options page needs from the browser, as one interface: the components get it as a
 * prop and never call browser APIs themselves (entrypoints/options/services.ts wires it).
 */
import type { SensitiveDate } from '../../engine/context/calendar';
import type { DictionaryFile } from '../../engine/dictionary/schema';
import type { AccountKind } from '../../engine/finding';
import type { ReplyOf } from '../../messaging/protocol';
import type { BuiltinIds } from '../../storage/builtin-ids';
import type { ManagedPolicy } from '../../storage/managed-policy';
import type { SettingsBackup } from '../../storage/settings';
import type { Settings } from '../../storage/settings-schema';
import type { AuditServices } from './audit-services';

export interface OptionsData {
  /** the user's own settings, repaired if needed: what the page edits */
  own: Settings;
  managed: ManagedPolicy;
  /** repairs and ignored policy values, to show */
  problems: string[];
  backups: SettingsBackup[];
}

export interface BuiltinData {
  lists: Array<{ file: DictionaryFile; source: string }>;
  calendar: SensitiveDate[];
  /** what the built-ins name (entry, rule and day ids); absent when they could not be read */
  ids?: BuiltinIds;
  /** why the built-ins could not be read, if they could not */
  error?: string;
}

export type CheckReply = ReplyOf<'checkDraft'>;

export interface OptionsServices {
  load(): Promise<OptionsData>;
  /** One validated, atomic read-modify-write; rejects (and changes nothing) if invalid. */
  update(change: (current: Settings) => Settings): Promise<Settings>;
  /** Calls back when settings or policy change elsewhere; returns the unsubscribe. */
  watch(onChange: () => void): () => void;
  builtin(): BuiltinData;
  check(text: string, context: { site: string; account: AccountKind }): Promise<CheckReply>;
  /** Asks the browser for `origin/*`; must be called straight from a click (user gesture). */
  requestOrigin(origin: string): Promise<boolean>;
  hasOrigin(origin: string): Promise<boolean>;
  removeOrigin(origin: string): Promise<void>;
  download(fileName: string, text: string, mime: string): void;
  /** the audit log through the background (AuditLogSection, issue 4) */
  audit?: AuditServices;
}
