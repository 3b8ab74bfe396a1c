/** `npm run eval` as a user runs it: a real child process, its figures, its errors and exit codes. */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const tsx = join(root, 'node_modules/.bin/tsx');

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(tsx, ['src/cli/eval.ts', ...args], { cwd: root }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

const tmp = mkdtempSync(join(tmpdir(), 'kakunin-eval-'));
const file = (name: string, lines: unknown[]) => {
  const path = join(tmp, name);
  writeFileSync(path, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n');
  return path;
};

describe('npm run eval', () => {
  it('prints recall, false alarms and per-category figures for labeled posts', async () => {
    const posts = file('posts.jsonl', [
      { id: 'a', text: '090-1234-5678 までお電話ください(担当の携帯です)', account: 'company', expect: ['privacy'] },
      { id: 'b', text: '本日は通常どおり営業しております。', account: 'company', expect: [] },
    ]);
    const r = await run([posts, '--no-model', '--details']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('posts: 2 (risky 1, benign 1)');
    expect(r.stdout).toMatch(/risky-post recall \(any expected category at warn\+\): 1\.000/);
    expect(r.stdout).toMatch(/benign false-alarm rate \(any warn\+ finding\):\s+0\.000/);
    expect(r.stdout).toMatch(/^privacy\s+100\.0%\s+100\.0%\s+1\s+0\s+0$/m);
  }, 120_000);

  it('names the line of a malformed post and exits 2 without a stack trace', async () => {
    const bad = file('bad.jsonl', [{ id: 'a', text: 'ok', expect: [] }, 'not json']);
    const r = await run([bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad.jsonl:2');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses an unknown category in "expect", naming the post', async () => {
    const bad = file('cat.jsonl', [{ id: 'p1', text: 'ok', expect: ['religon'] }]);
    const r = await run([bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/post p1 \(line 1\): bad "expect"/);
  });

  it('a missing file, an unknown option or no file is a clear error with exit 2; --help is not', async () => {
    const missing = await run([join(tmp, 'nope.jsonl')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*nope\.jsonl/);
    const unknown = await run(['--bogus']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--bogus'");
    expect(unknown.stderr).toContain('Usage');
    const none = await run([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no FILE.jsonl given');
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--no-model');
  });
});
