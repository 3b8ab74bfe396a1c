/** The popup's strings, Japanese first. */
type M = { ja: string; en: string };
const m = (ja: string, en: string): M => ({ ja, en });

export const messages = {
  title: m('Kakunin 確認', 'Kakunin'),
  settings: m('設定', 'Settings'),
  openApprovalPage: m('承認ページを開く', 'Open approval page'),
  refresh: m('再読み込み', 'Refresh'),
  loading: m('読み込み中…', 'Loading…'),
  notHere: m('このタブでは Kakunin が動いていません (対応サイトの投稿画面で開いてください)。', 'Kakunin is not running in this tab (open it on a supported site\'s compose page).'),
  noComposer: m('このページに投稿欄が見つかりません。', 'No compose box on this page.'),
  composer: m('投稿欄', 'Compose box'),
  composerN: m('投稿欄 {n}', 'Compose box {n}'),
  status: m('状態', 'Status'),
  empty: m('まだ何も入力されていません。', 'Nothing typed yet.'),
  pending: m('確認中…', 'Checking…'),
  pass: m('投稿できます。', 'Ready to post.'),
  released: m('承認または理由の記録により、この本文の保留は解除されています。', 'Released for this exact text (approval or recorded reason).'),
  holdFindings: m('保留中: 投稿前に直すべき表現があります。', 'Held: wording to fix before posting.'),
  holdApproval: m('保留中: 会社アカウントの投稿には承認が必要です。', 'Held: posts from the company account need approval.'),
  failOpen: m('確認できなかったため、投稿は止めていません。', 'Could not check, so posting is not held.'),
  findings: m('指摘 (カテゴリ別)', 'Findings by category'),
  checklist: m('投稿前チェックリスト', 'Before-posting checklist'),
  checklistDone: m('{n} 項目を確認済み', '{n} checked'),
  approval: m('承認', 'Approval'),
  requestApproval: m('承認を依頼', 'Request approval'),
  requesting: m('依頼を作成中…', 'Creating request…'),
  needKey: m('依頼するには、先に上であなたの鍵を作成してください。', 'Create your key above before requesting approval.'),
  sendThis: m('承認者にこのリンク (またはコード) を送ってください。', 'Send this link (or the code) to an approver.'),
  link: m('リンク', 'Link'),
  code: m('依頼コード', 'Request code'),
  approvers: m('承認者', 'Approvers'),
  noApprovers: m('承認者が設定されていません。管理者に設定を依頼してください。', 'No approvers are configured. Ask an administrator.'),
  required: m('必要な承認: {n} 人', 'Approvals needed: {n}'),
  requiredCapped: (n: number, mm: number) =>
    m(
      `ポリシーは${n}人の承認を求めていますが、承認者は${mm}人しか登録されていません。いまは登録された承認者全員 (${mm}人) の承認が必要です。管理者に設定の見直しを依頼してください。`,
      `The policy asks for ${n} approvals but only ${mm} ${mm === 1 ? 'approver is' : 'approvers are'} listed: for now every listed approver (${mm}) must approve. Ask an administrator to fix the settings.`,
    ),
  expires: m('有効期限', 'Expires'),
  stale: m('依頼の後に本文が変わったため、この依頼は使えません。', 'The text changed after this request; it no longer applies.'),
  requestAgain: m('いまの本文で依頼し直す', 'Request again for the current text'),
  pasteCodes: m('届いた承認コードを貼り付け (複数可)', 'Paste the approval code(s) you received'),
  verify: m('確認', 'Verify'),
  verifying: m('確認中…', 'Verifying…'),
  verified: m('承認を確認しました: {n}。投稿できます。', 'Approval confirmed: {n}. You can post.'),
  failed: m('うまくいきませんでした', 'That did not work'),
};

export const fill = (text: string, n: number | string) => text.replace('{n}', String(n));
