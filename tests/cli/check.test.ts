/** The CLI as a user runs it: a real child process, stdin/stdout, exit codes. */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const tsx = join(root, 'node_modules/.bin/tsx');

function run(args: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(tsx, ['src/cli/main.ts', ...args], { cwd: root }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
    if (stdin !== undefined) child.stdin!.end(stdin);
  });
}

const tmp = mkdtempSync(join(tmpdir(), 'kakunin-cli-'));
const list = join(tmp, 'company.json');
writeFileSync(
  list,
  JSON.stringify({
    name: '社内コードネーム',
    entries: [
      {
        id: 'confidential/codename-sakura',
        category: 'confidential',
        severity: 'block',
        patterns: ['プロジェクトさくら', 'Project Sakura'],
        message: { ja: '社内コードネームです。', en: 'An internal codename.' },
      },
    ],
  }),
);

describe('npm run check', () => {
  it('answers JSON Lines in input order, one line per input, with the context applied', async () => {
    const input = [
      { id: 'a', text: 'プロジェクトさくらの件' },
      { id: 'b', text: '今日はいい天気' },
      { id: 7, text: 'Project Sakura launches', account: 'personal', site: 'x', date: '2027-01-05' },
    ].map((l) => JSON.stringify(l)).join('\n');
    const r = await run(['--jsonl', '-', '--lists', list], `${input}\n`);
    expect(r.code).toBe(0);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string | number; findings: Array<{ rule: string; text: string; start: number; end: number }> });
    expect(out.map((o) => o.id)).toEqual(['a', 'b', 7]);
    expect(out[0]!.findings.map((f) => [f.rule, f.text, f.start, f.end])).toEqual([['confidential/codename-sakura', 'プロジェクトさくら', 0, 9]]);
    expect(out[2]!.findings.map((f) => f.text)).toContain('Project Sakura');
  }, 30_000);

  it('reads a JSONL file by path', async () => {
    const f = join(tmp, 'in.jsonl');
    writeFileSync(f, `${JSON.stringify({ id: 1, text: 'プロジェクトさくら' })}\n`);
    const r = await run(['--jsonl', f, '--lists', list]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).findings).toHaveLength(1);
  }, 30_000);

  it('prints a readable report for a text argument', async () => {
    const r = await run(['--lists', list, 'プロジェクトさくらの件です']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('confidential/codename-sakura');
    expect(r.stdout).toContain('「プロジェクトさくら」');
    expect(r.stdout).toContain('社内コードネームです。');
  }, 30_000);

  it('--fail-on exits 1 when a finding reaches the severity', async () => {
    expect((await run(['--lists', list, '--fail-on', 'block', 'プロジェクトさくら'])).code).toBe(1);
    expect((await run(['--lists', list, '--fail-on', 'block', 'こんにちは'])).code).toBe(0);
  }, 30_000);

  it('refuses malformed JSONL naming every bad line, and prints nothing on stdout', async () => {
    const r = await run(['--jsonl', '-'], '{"id":1,"text":"ok"}\n{"id":2}\nnot json\n{"id":4,"text":"x","account":"robot"}\n');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/stdin:2: text/);
    expect(r.stderr).toMatch(/stdin:3: not valid JSON/);
    expect(r.stderr).toMatch(/stdin:4: account/);
  }, 30_000);

  it('refuses a broken company list with the entry and field named', async () => {
    const bad = join(tmp, 'bad.json');
    writeFileSync(bad, JSON.stringify({ name: 'x', entries: [{ id: 'abuse/x', category: 'abuse', severity: 'loud', patterns: ['a'], message: { ja: 'a', en: 'a' } }] }));
    const r = await run(['--lists', bad, 'テキスト']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('[abuse/x] severity');
  }, 30_000);

  it("refuses a company list whose own examples fail, naming the entry and the sentence", async () => {
    const failing = join(tmp, 'failing.json');
    writeFileSync(
      failing,
      JSON.stringify({
        name: 'x',
        entries: [
          {
            id: 'confidential/codename-x',
            category: 'confidential',
            severity: 'block',
            patterns: ['プロジェクトX'],
            message: { ja: 'a', en: 'a' },
            examples: { match: ['この文には出てこない'], noMatch: [] },
          },
        ],
      }),
    );
    const r = await run(['--lists', failing, 'テキスト']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('[confidential/codename-x]: should match «この文には出てこない»: expected a finding, got none');
  }, 30_000);

  it('explains bad arguments', async () => {
    const r = await run(['--account', 'robot', 'テキスト']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--account must be company or personal/);
    expect((await run([])).stderr).toMatch(/give a text to check or --jsonl FILE/);
  }, 30_000);
});

describe('npm run check -- --explain', () => {
  const fixture = join(root, 'tests/fixtures/explain-company-list.json');

  it('prints the tokens, each finding with its pattern and requires, and the near misses with their reason', async () => {
    const r = await run(['--explain', '--lists', fixture, '--fail-on', 'block', '未公開の発売日と価格。社内の噂']);
    expect(r.code).toBe(1); // --fail-on as for check
    expect(r.stdout).toContain('正規化 / normalized: 未公開の発売日と価格。社内の噂');
    expect(r.stdout).toMatch(/トークン \/ tokens/);
    expect(r.stdout).toMatch(/\n  4–6 +発売  読み reading ハツバイ  \[名詞 \/ サ変接続\]\n/);
    expect(r.stdout).toContain('#1 [block 要修正] confidential  4–7 「発売日」  (confidential/launch-price)');
    expect(r.stdout).toContain('パターン / pattern: patterns.0 「発売日」 @ 4–7 「発売日」');
    expect(r.stdout).toContain('必須 / requires.0 ✓ requires.0.0 「未公開」 @ 0–3 「未公開」');
    expect(r.stdout).toContain('必須 / requires.1 ✓ requires.1.any.0 「価格」 @ 8–10 「価格」');
    expect(r.stdout).toContain('- confidential/office-rumor');
    expect(r.stdout).toContain('✗ when.account: personal のアカウントのみ / only for personal accounts (この下書き / this draft: company; --account)');
  }, 30_000);

  it('--rule: only that prefix, with unless and allow reasons, and the entries whose patterns did not match', async () => {
    const r = await run(['--explain', '--rule', 'confidential/', '--lists', fixture, 'プロジェクトさくらの件。新工場見学会は中止。#公式発表']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('- confidential/codename-sakura  [block 要修正]');
    expect(r.stdout).toContain('✗ unless が一致、下書き全体で無効 / unless matched, the entry is silent for the whole draft: unless.0 「#公式発表」');
    expect(r.stdout).toContain('✗ allow の文脈に重なる / inside an allowed context: allow.0 「新工場見学会」 @ 12–18 「新工場見学会」');
    expect(r.stdout).toMatch(/パターン不一致 \/ no pattern matched: \d+ 項目/);
    expect(r.stdout).toContain('- confidential/codename-momo');
    expect(r.stdout).toContain('      patterns.1 「/PROJECT-?MOMO/i」');
    expect(r.stdout).not.toContain('compliance/');
    const none = await run(['--explain', '--rule', 'confidential/nothing-like-this', 'テキスト']);
    expect(none.stdout).toContain('no entry id starts with "confidential/nothing-like-this"');
  }, 30_000);

  it('--explain --json: the explanation as data, its findings those of --json', async () => {
    const text = 'プロジェクトさくら計画です';
    const [ex, plain] = await Promise.all([run(['--explain', '--json', '--lists', fixture, text]), run(['--json', '--lists', fixture, text])]);
    const data = JSON.parse(ex.stdout) as { findings: unknown[]; consistent: boolean; entries: Array<{ rule: string; outcome: string }> };
    expect(data.findings).toEqual(JSON.parse(plain.stdout));
    expect(data.consistent).toBe(true);
    expect(data.entries.find((e) => e.rule === 'confidential/codename-sakura-mention')?.outcome).toBe('near-miss');
  }, 30_000);

  it('--explain --jsonl: one explanation per input line, in order, led by its id, its findings those of --jsonl', async () => {
    const input = [
      { id: 'a', text: 'プロジェクトさくら計画です' },
      { id: 7, text: '週末は友達とフェス行ってきた!', account: 'company' },
      { id: 'c', text: '本日より新商品の販売を開始しました。', account: 'personal', site: 'x' },
    ]
      .map((l) => JSON.stringify(l))
      .join('\n');
    const [ex, plain] = await Promise.all([run(['--explain', '--jsonl', '-', '--lists', fixture], input), run(['--jsonl', '-', '--lists', fixture], input)]);
    expect(ex.code).toBe(0);
    const lines = ex.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: unknown; text: string; findings: unknown[]; consistent: boolean; context: { account: string; site?: string }; entries: Array<{ rule: string; outcome: string }> });
    const plainLines = plain.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: unknown; findings: unknown[] });
    expect(lines.map((l) => [l.id, l.text])).toEqual([
      ['a', 'プロジェクトさくら計画です'],
      [7, '週末は友達とフェス行ってきた!'],
      ['c', '本日より新商品の販売を開始しました。'],
    ]);
    expect(Object.keys(lines[0]!)[0]).toBe('id');
    expect(lines.map((l) => l.findings)).toEqual(plainLines.map((l) => l.findings));
    expect(lines.every((l) => l.consistent)).toBe(true);
    expect(lines[2]!.context).toMatchObject({ account: 'personal', site: 'x' });
    expect(lines[0]!.entries.find((e) => e.rule === 'confidential/codename-sakura-mention')?.outcome).toBe('near-miss');
    // the findings of a line (the company's codename) are there, not only near misses
    expect(plainLines.some((l) => l.findings.length > 0)).toBe(true);
  }, 30_000);

  it('ends quietly (exit 0, nothing on stderr) when the reader closes the pipe early, as `| head` does', async () => {
    // --explain's lines are long (every token), so the output is far more than a pipe holds.
    const input = Array.from({ length: 400 }, (_, i) => JSON.stringify({ id: i, text: `本日より新商品の販売を開始しました。その${i}` })).join('\n');
    const child = spawn(tsx, ['src/cli/main.ts', '--explain', '--jsonl', '-'], { cwd: root });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    child.stdin.end(input);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  }, 60_000);

  it('refuses --rule without --explain', async () => {
    const b = await run(['--rule', 'confidential/', 'テキスト']);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('--rule goes with --explain');
  }, 30_000);
});
