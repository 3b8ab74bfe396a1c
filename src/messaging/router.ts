/** The background's only receiver: parses, dispatches by `type`, answers {ok, value|error}. */
import { RequestSchema, type Envelope, type ReplyOf, type Request, type RequestType } from './protocol';

export type Handlers = {
  [K in RequestType]: (req: Extract<Request, { type: K }>, sender: { tabId?: number; url?: string }) => Promise<ReplyOf<K>> | ReplyOf<K>;
};

/** Returns the listener to register with runtime.onMessage. */
export function createRouter(handlers: Handlers) {
  return (raw: unknown, sender: { tab?: { id?: number }; url?: string }, respond: (r: Envelope<unknown>) => void): boolean => {
    const parsed = RequestSchema.safeParse(raw);
    if (!parsed.success) {
      respond({ ok: false, error: `bad request: ${parsed.error.issues.map((i) => i.message).join('; ')}` });
      return false;
    }
    const req = parsed.data;
    const handler = handlers[req.type] as (r: Request, s: { tabId?: number; url?: string }) => unknown;
    Promise.resolve()
      .then(() => handler(req, { tabId: sender.tab?.id, url: sender.url }))
      .then(
        (value) => respond({ ok: true, value }),
        (e: unknown) => respond({ ok: false, error: e instanceof Error ? e.message : String(e) }),
      );
    return true; // answer asynchronously
  };
}
