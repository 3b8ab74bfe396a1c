import { decodeIpadic } from './ipadic-format';
import { createKuromojiTokenizer, type TokenizerOptions } from './kuromoji-tokenizer';
import type { Tokenizer } from './types';

const isGzip = (b: Uint8Array) => b.length > 2 && b[0] === 0x1f && b[1] === 0x8b;

/** Gunzips with the platform's DecompressionStream (service worker, page, Node 18+) when needed. */
export async function gunzipIfNeeded(bytes: ArrayBuffer): Promise<ArrayBuffer> {
  if (!isGzip(new Uint8Array(bytes))) return bytes;
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).arrayBuffer();
}

/** Builds a tokenizer from a KKD1 container (optionally gzipped). */
export async function tokenizerFromBytes(bytes: ArrayBuffer, options?: TokenizerOptions): Promise<Tokenizer> {
  return createKuromojiTokenizer(decodeIpadic(await gunzipIfNeeded(bytes)), options);
}

/**
 * One tokenizer per loader: concurrent callers share the same load, and a failed load is
 * forgotten so the next call retries (e.g. after the worker restarted mid-fetch).
 */
export function sharedTokenizer(readBytes: () => Promise<ArrayBuffer>): () => Promise<Tokenizer> {
  let pending: Promise<Tokenizer> | undefined;
  return () => {
    pending ??= readBytes()
      .then((bytes) => tokenizerFromBytes(bytes))
      .catch((error: unknown) => {
        pending = undefined;
        throw error;
      });
    return pending;
  };
}
