/** Strings shared by the approval page and the popup (identity, findings, approval codes), Japanese first. */
import { m } from '../i18n/lang';

export const commonMessages = {
  identityTitle: m('あなたの承認用の鍵', 'Your approval key'),
  identityIntro: m(
    '承認の依頼と承認には、このブラウザーで作る鍵を使います。秘密鍵はこのブラウザーから出ません。管理者には下の「公開鍵」を伝えてください。',
    'Requests and approvals are signed with a key made in this browser. The private key never leaves it. Give your administrator the public key below.',
  ),
  identityName: m('あなたの名前 (承認者・依頼者として表示されます)', 'Your name (shown to approvers and requesters)'),
  identityCreate: m('鍵を作成', 'Create my key'),
  identityCreating: m('作成中…', 'Creating…'),
  identityUnsupported: m(
    'このブラウザーは Ed25519 署名に対応していません。Chrome 137 以降に更新してください。',
    'This browser cannot make Ed25519 signatures. Update to Chrome 137 or later.',
  ),
  keyId: m('鍵ID', 'Key id'),
  publicKey: m('公開鍵', 'Public key'),
  showPublicKey: m('公開鍵を表示 (管理者に伝える)', 'Show public key (for your administrator)'),
  shareLine: m('共有用の文字列 (名前と公開鍵)', 'To share (name and public key)'),
  copy: m('コピー', 'Copy'),
  copied: m('コピーしました', 'Copied'),
  copyFailed: m('コピーできませんでした。選択してコピーしてください。', 'Could not copy; select the text and copy it.'),
  noFindings: m('指摘はありません。', 'Nothing to flag.'),
  findingsCount: m('{n} 件', '{n}'),
  basis: m('根拠', 'Basis'),
  suggestion: m('提案', 'Suggestion'),
  company: m('会社アカウント', 'company account'),
  personal: m('個人アカウント', 'personal account'),
  reasonsTitle: m('承認を確認できませんでした', 'The approval could not be confirmed'),
};

export const fillN = (text: string, n: number | string) => text.replace('{n}', String(n));
