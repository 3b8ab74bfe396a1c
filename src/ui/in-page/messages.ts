/**
 * Every string Kakunin shows inside a site's page, Japanese first. Pick with translator(lang)
 * (src/ui/i18n/lang.ts). Category and severity names are shared with every page (i18n/labels.ts).
 */
import { CATEGORY_LABELS, SEVERITY_LABELS } from '../i18n/labels';
import { m } from '../i18n/lang';

export { CATEGORY_LABELS, SEVERITY_LABELS };

export const messages = {
  badgeOk: m('確認済み: 問題なし', 'Kakunin: nothing found'),
  badgeChecking: m('確認中…', 'Checking…'),
  badgeUnavailable: m('確認できません (投稿は止めません)', "Can't check (posts are not held)"),
  badgeFindings: m('確認: 指摘あり', 'Kakunin: findings'),
  openFindings: m('指摘を表示', 'Show findings'),
  closeFindings: m('閉じる', 'Close'),
  panelTitle: m('投稿前の確認', 'Before you post'),
  noFindings: m('指摘はありません。', 'Nothing to flag.'),
  more: m('ほか {n} 件', '{n} more'),
  why: m('理由', 'Why'),
  basis: m('根拠', 'Basis'),
  suggestion: m('提案', 'Suggestion'),
  dismiss: m('理由を書いて非表示', 'Dismiss with reason'),
  dismissReason: m('非表示にする理由 (記録されます)', 'Reason for dismissing (recorded)'),
  dismissConfirm: m('非表示にする', 'Dismiss'),
  cancel: m('キャンセル', 'Cancel'),
  heldTitle: m('投稿を保留しました', 'Post held'),
  heldFindings: m('この下書きには投稿前に直すべき表現があります。', 'This draft has wording to fix before posting.'),
  heldApproval: m('会社アカウントの投稿には承認が必要です。', 'Posts from the company account need approval.'),
  checkingTitle: m('投稿前に確認しています…', 'Checking before posting…'),
  requestApproval: m('承認を依頼', 'Request approval'),
  approvalUnavailable: m(
    '承認の依頼を始められませんでした。ページを再読み込みしてもう一度お試しいただくか、修正するか、理由を書いてこのまま投稿してください。',
    'Could not start an approval request. Reload the page and try again, fix the draft, or post anyway with a reason.',
  ),
  override: m('このまま投稿', 'Post anyway'),
  overrideReason: m('このまま投稿する理由 (必須・記録されます)', 'Why post anyway? (required, recorded)'),
  overrideHint: m('{n} 文字以上で書いてください。', 'At least {n} characters.'),
  overrideConfirm: m('理由を記録して投稿', 'Record reason and post'),
  backToEdit: m('戻って直す', 'Back to editing'),
  refusedAuditFailed: m(
    '理由を監査ログに記録できなかったため、投稿は保留したままです。もう一度試すか、承認を依頼してください。',
    'The reason could not be written to the audit log, so the post is still held. Try again, or request approval.',
  ),
  refusedNotAllowed: m(
    '管理者の設定により、保留された投稿をこのまま投稿することはできません。修正するか、承認を依頼してください。',
    'Your administrator does not allow posting a held draft anyway. Fix the draft, or request approval.',
  ),
  refusedTooShort: m('理由を {n} 文字以上で書いてください。投稿は保留したままです。', 'Give a reason of at least {n} characters. The post is still held.'),
  refusedNotHeld: m(
    '本文が変わったか確認中のため、このまま投稿できませんでした。確認が終わってから、もう一度投稿してください。',
    'The draft changed or is being checked, so it was not posted. Post again once the check is done.',
  ),
  refusedTextChanged: m(
    '理由を記録している間に本文が変更されたため、投稿は保留したままです。もう一度投稿してください。',
    'The draft changed while the reason was being recorded, so the post is still held. Post again.',
  ),
  noticeUnreachable: m(
    'Kakunin の確認機能に接続できません。投稿は止めずにそのまま通します。',
    "Can't reach Kakunin's checker. Posts are not held.",
  ),
  noticeFailedOpen: m(
    '確認が間に合わなかったため、確認せずに投稿しました。',
    'The check did not finish in time: posted without checking.',
  ),
  noticeNoPostButton: m(
    'このサイトの投稿ボタンが見つかりません (サイトの変更?)。投稿は止められません。',
    "Can't find this site's post button (did the site change?). Posts can't be held.",
  ),
  noticeAuditFailed: m('記録に失敗しました。', 'Could not record this.'),
};

export const fill = (text: string, n: number | string) => text.replace('{n}', String(n));
