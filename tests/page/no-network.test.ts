// Draft text goes only to the background: nothing the content scripts are built from may open a
// network connection (issue 3, "no network requests"; e2e specs also check the request log).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : /\.tsx?$/.test(f) ? [p] : [];
  });

it('src/page, src/sites and src/ui/in-page never fetch, beacon or open sockets', () => {
  const files = [...walk(join(root, 'src/page')), ...walk(join(root, 'src/sites')), ...walk(join(root, 'src/ui/in-page')), join(root, 'src/messaging/light-client.ts')];
  const offenders = files.flatMap((file) => {
    const code = readFileSync(file, 'utf8').replace(/\/\/.*|\/\*[\s\S]*?\*\//g, '');
    return /\b(fetch|XMLHttpRequest|WebSocket|EventSource|sendBeacon|RTCPeerConnection|importScripts)\b|new\s+(Image|Worker)\b/.test(code) ? [relative(root, file)] : [];
  });
  expect(files.length).toBeGreaterThan(20);
  expect(offenders).toEqual([]);
});
