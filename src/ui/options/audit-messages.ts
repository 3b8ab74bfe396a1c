/** Strings of the audit log and checklist sections (issue 4), Japanese first. */
import type { AuditKind } from '../../messaging/protocol';

import { m, type M } from '../i18n/lang';

export const KIND_LABELS: Record<AuditKind, M> = {
  held: m('保留', 'Held'),
  override: m('理由を記録して投稿', 'Posted anyway (reason)'),
  released: m('保留を解除', 'Released'),
  dismissed: m('指摘を非表示', 'Finding dismissed'),
  'approval-requested': m('承認を依頼', 'Approval requested'),
  approved: m('承認', 'Approved'),
  rejected: m('差し戻し', 'Rejected'),
  'approval-verified': m('承認を確認', 'Approval verified'),
  'approval-refused': m('承認を確認できず', 'Approval refused'),
};

export const auditMessages = {
  title: m('監査ログ', 'Audit log'),
  intro: m(
    '投稿の保留、理由付きの投稿、指摘の非表示、承認の依頼・承認・差し戻し・確認は、このブラウザーの記録 (IndexedDB) に残ります。本文そのものではなく、本文のハッシュ (SHA-256) を記録します。',
    'Holds, posts made anyway (with their reason), dismissed findings, approval requests, approvals, rejections and verifications are recorded in this browser (IndexedDB). The text is identified by its SHA-256 hash, not stored.',
  ),
  from: m('開始日', 'From'),
  to: m('終了日', 'To'),
  kind: m('種類', 'Kind'),
  allKinds: m('すべて', 'All'),
  site: m('サイト', 'Site'),
  account: m('アカウント (ハンドル、company または personal)', 'Account (handle, company or personal)'),
  filter: m('絞り込み', 'Filter'),
  clear: m('条件をクリア', 'Clear'),
  shown: m('{n} 件中 {m} 件を表示 (新しい順)', 'Showing {m} of {n} (newest first)'),
  none: m('該当する記録はありません。', 'No matching events.'),
  loadFailed: m('記録を読み込めませんでした', 'Could not read the log'),
  time: m('日時', 'Time'),
  findings: m('指摘', 'Findings'),
  reason: m('理由・コメント', 'Reason / comment'),
  actor: m('誰が', 'Who'),
  hash: m('本文ハッシュ', 'Text hash'),
  text: m('本文', 'Text'),
  exportCsv: m('CSV で書き出し', 'Export CSV'),
  exportJson: m('JSON で書き出し', 'Export JSON'),
  exported: m('{n} 件を書き出しました', 'Exported {n} events'),
  retention: m('保存期間 (日)', 'Keep events for (days)'),
  retentionHint: m('これより古い記録は毎日自動で削除されます。', 'Older events are deleted automatically every day.'),
  saveRetention: m('保存期間を保存', 'Save retention'),
  retentionRange: m('1〜3650 の整数で入力してください', 'Enter a whole number from 1 to 3650'),
  pruned: m('保存期間を過ぎた {n} 件を削除しました', 'Deleted {n} events past retention'),
  storeText: m('本文も記録する', 'Also record the text'),
  storeTextHint: m(
    '初期設定ではオフです。オンにすると、これ以降の記録に投稿本文そのものが残ります (未公開の情報や個人情報を含む下書きも)。社内規程で必要な場合だけオンにしてください。既存の記録は変わりません。',
    'Off by default. When on, later events keep the draft text itself (including unpublished or personal information in drafts). Turn it on only if your company policy requires it; earlier events are not changed.',
  ),
  unavailable: m('監査ログはこの画面では使えません。', 'The audit log is not available here.'),
  checklistTitle: m('投稿前チェックリスト', 'Before-posting checklist'),
  checklistIntro: m('ツールバーの Kakunin で、投稿前に確認する項目です。', 'The items the Kakunin toolbar popup asks to check before posting.'),
  itemJa: m('日本語', 'Japanese'),
  itemEn: m('英語', 'English'),
  addItem: m('項目を追加', 'Add item'),
  removeItem: m('削除', 'Remove'),
  moveUp: m('上へ', 'Move up'),
  resetChecklist: m('初期の項目に戻す', 'Reset to the default items'),
  itemRequired: m('日本語か英語のどちらかを入力してください', 'Enter the item in Japanese or English'),
  saved: m('保存しました', 'Saved'),
};

export const fill2 = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w)\}/g, (all, k: string) => String(values[k] ?? all));
