import type { Bilingual } from '../engine/finding';

/**
 * Every refusal the approval module can give, in Japanese (first) and
 * English. Texts say what happened and what to do next; they never contain
 * the draft text. `code` numbers are 1-based, as the user sees the list.
 */
export type MessageParams = {
  'bad-signature': { subject: 'request' } | { subject: 'approval'; code: number; approverName: string };
  'unknown-approver': { code: number; keyId: string };
  'text-changed': { subject: 'current-text' | 'attached-text' };
  'other-request': { subject: 'approval'; code: number } | { subject: 'requester' };
  expired: { subject: 'request'; at: number } | { subject: 'approval'; code: number; approverName: string; reason: 'after-request-expiry' | 'too-old' };
  'self-approval': { name: string };
  'clock-skew': { code: number; approverName: string; signedAt: number; now: number; maxSkewMinutes: number };
  rejected: { name: string; comment?: string };
  'wrong-site': { expected: string; actual: string };
  'wrong-account': { expected: string; actual: string };
  'not-enough-approvers': { have: number; required: number; configured: number };
  malformed:
    | { subject: 'request' | 'approval' | 'link'; code?: number; problem: 'unreadable' | 'wrong-kind' }
    | { subject: 'policy' | 'approvers' | 'input' };
};
export type ReasonCode = keyof MessageParams;

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export const messages: { [C in ReasonCode]: (p: MessageParams[C]) => Bilingual } = {
  'bad-signature': (p) =>
    p.subject === 'request'
      ? {
          ja: '承認依頼の署名が正しくありません。依頼が途中で書き換えられた可能性があります。依頼者にもう一度送ってもらってください。',
          en: 'The approval request signature is invalid; the request may have been altered. Ask the requester to send it again.',
        }
      : {
          ja: `承認コード #${p.code}（${p.approverName}さんを名乗るもの）の署名が正しくありません。このコードは使えません。`,
          en: `Approval code #${p.code} (claiming to be from ${p.approverName}) has an invalid signature and cannot be used.`,
        },
  'unknown-approver': (p) => ({
    ja: `承認コード #${p.code} は登録されていない鍵（鍵ID ${p.keyId}）で署名されています。承認者として設定された人の承認だけが有効です。`,
    en: `Approval code #${p.code} is signed by a key that is not a configured approver (key id ${p.keyId}). Only configured approvers count.`,
  }),
  'text-changed': (p) =>
    p.subject === 'current-text'
      ? {
          ja: '承認後に本文が変更されています（1文字でも変わると承認は無効です）。変更後の本文で承認を依頼し直してください。',
          en: 'The text was changed after approval (any change invalidates it). Request approval again for the new text.',
        }
      : {
          ja: '依頼に含まれる本文が、依頼の中のハッシュと一致しません。依頼が途中で書き換えられた可能性があります。',
          en: 'The text included in the request does not match the hash in the request; it may have been altered.',
        },
  'other-request': (p) =>
    p.subject === 'approval'
      ? {
          ja: `承認コード #${p.code} は別の承認依頼に対するものです。この投稿の依頼に対する承認をもらってください。`,
          en: `Approval code #${p.code} belongs to a different approval request. Get an approval for this post's request.`,
        }
      : {
          ja: 'この承認依頼はあなたの鍵で作られたものではありません。自分で依頼を作り直してください。',
          en: 'This approval request was not made with your key. Create your own request.',
        },
  expired: (p) =>
    p.subject === 'request'
      ? {
          ja: `承認依頼の有効期限（${iso(p.at)}）が切れています。もう一度承認を依頼してください。`,
          en: `The approval request expired at ${iso(p.at)}. Request approval again.`,
        }
      : p.reason === 'after-request-expiry'
        ? {
            ja: `承認コード #${p.code}（${p.approverName}さん）は依頼の有効期限が切れた後に署名されています。`,
            en: `Approval code #${p.code} (${p.approverName}) was signed after the request had expired.`,
          }
        : {
            ja: `承認コード #${p.code}（${p.approverName}さん）は古すぎるため無効です。もう一度承認してもらってください。`,
            en: `Approval code #${p.code} (${p.approverName}) is too old to count. Ask for a fresh approval.`,
          },
  'clock-skew': (p) => ({
    ja: `承認コード #${p.code}（${p.approverName}さん）の署名時刻（${iso(p.signedAt)}）が、この端末の時計（${iso(p.now)}）より ${p.maxSkewMinutes} 分以上先になっています。どちらかの端末の時計が正しくない可能性があります。時計を合わせてから、もう一度承認してもらってください。`,
    en: `Approval code #${p.code} (${p.approverName}) was signed at ${iso(p.signedAt)}, more than ${p.maxSkewMinutes} minutes ahead of this computer's clock (${iso(p.now)}). One of the clocks is probably wrong: set it right and ask for a fresh approval.`,
  }),
  'self-approval': (p) => ({
    ja: `${p.name}さんは依頼者本人です。自分の投稿を自分で承認することはできません。`,
    en: `${p.name} made this request; nobody can approve their own post.`,
  }),
  rejected: (p) =>
    p.comment
      ? { ja: `${p.name}さんが差し戻しました:「${p.comment}」`, en: `${p.name} rejected this post: "${p.comment}"` }
      : { ja: `${p.name}さんが差し戻しました（コメントなし）。`, en: `${p.name} rejected this post (no comment).` },
  'wrong-site': (p) => ({
    ja: `この承認は「${p.expected}」への投稿に対するものです。いまの投稿先は「${p.actual}」です。`,
    en: `This approval is for posting to "${p.expected}", but this post goes to "${p.actual}".`,
  }),
  'wrong-account': (p) => ({
    ja: `この承認はアカウント ${p.expected} からの投稿に対するものです。いまのアカウントは ${p.actual} です。`,
    en: `This approval is for posting as ${p.expected}, but this post would go out as ${p.actual}.`,
  }),
  'not-enough-approvers': (p) =>
    p.required > p.configured
      ? {
          ja: `承認者が ${p.required} 人必要ですが、依頼者以外に設定されている承認者は ${p.configured} 人です。管理者に設定を確認してもらってください。`,
          en: `${p.required} approvers are required but only ${p.configured} approvers other than the requester are configured. Ask an administrator to check the settings.`,
        }
      : {
          ja: `有効な承認が ${p.have} 人分あります。あと ${p.required - p.have} 人の承認が必要です（必要数 ${p.required} 人）。`,
          en: `${p.have} valid approval(s); ${p.required - p.have} more needed (${p.required} required).`,
        },
  malformed: (p) => {
    switch (p.subject) {
      case 'policy':
        return { ja: '承認ポリシーの設定が不正です。管理者に確認してください。', en: 'The approval policy is invalid. Ask an administrator.' };
      case 'approvers':
        return { ja: '承認者の設定（名前または公開鍵）が不正です。管理者に確認してください。', en: 'The approver settings (name or public key) are invalid. Ask an administrator.' };
      case 'input':
        return { ja: '承認の確認に必要な情報が不正です。', en: 'The information needed to check approvals is invalid.' };
    }
    const what = {
      request: { ja: '承認依頼', en: 'The approval request' },
      approval: { ja: `承認コード${p.code === undefined ? '' : ` #${p.code}`}`, en: `Approval code${p.code === undefined ? '' : ` #${p.code}`}` },
      link: { ja: '承認依頼のリンク', en: 'The approval request link' },
    }[p.subject];
    if (p.problem === 'wrong-kind') {
      return {
        ja: `${what.ja}として貼り付けられたものは、別の種類のコードです。貼り付ける欄を確認してください。`,
        en: `${what.en} field holds a different kind of code. Check where you pasted it.`,
      };
    }
    return {
      ja: `${what.ja}を読み取れません（途中で切れているか、文字が変わっています）。コード全体をもう一度そのまま貼り付けてください。`,
      en: `${what.en} could not be read (cut off or altered). Paste the whole code again, unchanged.`,
    };
  },
};
