/** The only sender: every reply is parsed against its schema before anyone uses it. */
import { ReplySchemas, type Envelope, type ReplyOf, type Request } from './protocol';

export class MessagingError extends Error {
  override name = 'MessagingError';
}

export type Transport = (message: Request) => Promise<unknown>;

export function createClient(transport: Transport) {
  return async function send<R extends Request>(message: R): Promise<ReplyOf<R['type']>> {
    let raw: unknown;
    try {
      raw = await transport(message);
    } catch (e) {
      // Extension reloaded or worker unreachable: the caller decides (content scripts fail open).
      throw new MessagingError(`no answer from Kakunin's background: ${(e as Error).message}`);
    }
    const env = raw as Envelope<unknown> | undefined;
    if (!env || typeof env !== 'object' || !('ok' in env)) throw new MessagingError('malformed reply');
    if (!env.ok) throw new MessagingError(env.error);
    const parsed = ReplySchemas[message.type].safeParse(env.value);
    if (!parsed.success) throw new MessagingError(`unexpected reply to ${message.type}`);
    return parsed.data as ReplyOf<R['type']>;
  };
}
