import { type Failure, reason } from './reason';

/**
 * The request travels as `<approval page>#req=<code>`. A fragment, not a
 * query: fragments are not sent to any server, so the draft text in the code
 * never reaches a web server log if the link is opened on a web host, and
 * chrome-extension:// pages read it from location.hash.
 */
export function requestToLink(code: string, approvalPageUrl: string): string {
  const url = new URL(approvalPageUrl);
  url.hash = '';
  return `${url.href.replace(/#$/, '')}#req=${code.replace(/\s+/g, '')}`;
}

const CODE_SHAPE = /^KKREQ1\.[A-Za-z0-9_-]+$/;

/**
 * Link, fragment or bare code → the request code (not yet decoded: pass it to
 * decodeRequest). Tolerates percent-encoding and the line breaks and
 * whitespace mail clients add. Never throws.
 */
export function parseRequestLink(input: unknown): { ok: true; code: string } | Failure {
  const fail = (problem: 'unreadable' | 'wrong-kind'): Failure => ({
    ok: false,
    reason: reason('malformed', { subject: 'link', problem }),
  });
  if (typeof input !== 'string') return fail('unreadable');
  const text = input.replace(/\s+/g, '');
  let candidate = text;
  const hash = text.indexOf('#');
  if (hash >= 0) {
    const param = text
      .slice(hash + 1)
      .split('&')
      .find((part) => part.startsWith('req='));
    if (param === undefined) return fail('unreadable');
    candidate = param.slice('req='.length);
  }
  try {
    candidate = decodeURIComponent(candidate);
  } catch {
    return fail('unreadable');
  }
  if (CODE_SHAPE.test(candidate)) return { ok: true, code: candidate };
  return fail(candidate.startsWith('KKAPP1.') ? 'wrong-kind' : 'unreadable');
}
