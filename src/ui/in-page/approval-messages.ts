/** The in-page approval panel's strings (issue 4), Japanese first; kept short: content-script size. */
import { m } from '../i18n/lang';

export const approvalMessages = {
  title: m('承認を依頼', 'Request approval'),
  close: m('閉じる', 'Close'),
  needKey: m('依頼には、このブラウザーで作るあなたの鍵が必要です。名前を入れて作成してください。', 'Requests are signed with a key made in this browser. Enter your name to create it.'),
  name: m('あなたの名前', 'Your name'),
  createKey: m('鍵を作成して依頼', 'Create key and request'),
  working: m('依頼を作成しています…', 'Creating the request…'),
  send: m('承認者に、このリンク (またはコード) を送ってください。', 'Send this link (or the code) to an approver.'),
  link: m('リンク', 'Link'),
  code: m('依頼コード', 'Request code'),
  copy: m('コピー', 'Copy'),
  copied: m('コピーしました', 'Copied'),
  approvers: m('承認者', 'Approvers'),
  required: m('必要な承認: {n} 人', 'Approvals needed: {n}'),
  noApprovers: m('承認者が設定されていません。管理者に設定を依頼してください。', 'No approvers are configured. Ask an administrator to add them.'),
  expires: m('有効期限', 'Expires'),
  stale: m('依頼の後に本文が変わりました。この依頼の承認は使えません。', 'The text changed after this request; its approvals will not count.'),
  again: m('いまの本文で依頼し直す', 'Request again for the current text'),
  paste: m('届いた承認コードを貼り付け (複数可)', 'Paste the approval code(s) you received'),
  verify: m('確認して投稿', 'Verify and post'),
  verifying: m('確認しています…', 'Verifying…'),
  released: m('承認を確認しました。投稿します。', 'Approval confirmed. Posting.'),
  refused: m('承認を確認できませんでした', 'The approval could not be confirmed'),
  failed: m('依頼を作成できませんでした', 'Could not create the request'),
};
