/** The approval page's strings, Japanese first. */
import { m } from '../i18n/lang';

export const messages = {
  title: m('Kakunin 承認', 'Kakunin approval'),
  loading: m('読み込み中…', 'Loading…'),
  pasteTitle: m('承認依頼を開く', 'Open an approval request'),
  pasteLabel: m('依頼者から届いたコード (KKREQ1.…) またはリンクを貼り付けてください', 'Paste the code (KKREQ1.…) or link you received from the requester'),
  open: m('開く', 'Open'),
  openOther: m('別の依頼を開く', 'Open another request'),
  requestTitle: m('承認依頼', 'Approval request'),
  requester: m('依頼者', 'Requester'),
  requesterNote: m(
    '名前は依頼者が自分で名乗ったものです。鍵IDが本人のものか、必要なら別の手段で確かめてください。',
    'The name is what the requester calls themselves; check the key id against theirs if in doubt.',
  ),
  site: m('投稿先', 'Site'),
  account: m('アカウント', 'Account'),
  created: m('依頼日時', 'Requested'),
  expires: m('有効期限', 'Expires'),
  expired: m('この依頼は有効期限が切れています。承認できません。依頼し直してもらってください。', 'This request has expired and cannot be approved. Ask for a new request.'),
  draft: m('投稿する本文 (この通りに投稿されます)', 'The post, exactly as it will go out'),
  textVerified: m('✓ 本文は依頼の署名済みハッシュと一致しています。', '✓ The text matches the signed hash in the request.'),
  noText: m(
    'この依頼には本文が含まれていません。承認する前に、依頼者から本文を受け取って確認してください (本文が 1 文字でも違うと承認は無効になります)。',
    'This request does not include the text. Get the text from the requester before approving (the approval only counts for the exact text).',
  ),
  findingsNow: m('いまの確認結果', 'Findings, checked now'),
  findingsAtRequest: m('依頼時の指摘 (件数)', 'Findings when requested (counts)'),
  self: m(
    'これはあなた自身の依頼です。自分の投稿を自分で承認することはできません。別の承認者にこのリンクを送ってください。',
    'This is your own request. Nobody can approve their own post: send this link to another approver.',
  ),
  needIdentity: m('承認するには、まずあなたの鍵を作成してください。', 'To approve, first create your key.'),
  decideTitle: m('判断', 'Your decision'),
  comment: m('コメント (任意・依頼者に届きます)', 'Comment (optional, sent to the requester)'),
  approve: m('承認する', 'Approve'),
  reject: m('差し戻す', 'Reject'),
  signing: m('署名中…', 'Signing…'),
  approvedTitle: m('承認しました', 'Approved'),
  rejectedTitle: m('差し戻しました', 'Rejected'),
  resultCode: m('承認コード', 'Approval code'),
  resultHelp: m(
    'このコードを依頼者に送ってください。依頼者が投稿画面かツールバーの Kakunin に貼り付けると確認されます。',
    "Send this code to the requester. They paste it into Kakunin on the post page or in the toolbar popup.",
  ),
  signedAs: m('署名者', 'Signed by'),
};
