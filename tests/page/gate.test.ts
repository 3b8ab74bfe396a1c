// @vitest-environment happy-dom
// The submit gate's logic on every submit path, with fake composers (GateTarget) over real DOM
// events: what is stopped, what reaches the site's own handlers, release, re-arm, fail-open.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Gate, type Decision, type GateTarget } from '../../src/page/gate';

const HOLD: Decision = { kind: 'hold', reason: 'findings', findings: [], allowOverride: true };

class FakeTarget implements GateTarget {
  decision: Decision = { kind: 'pass' };
  text = '下書き';
  audits: Array<[string, unknown]> = [];
  shown: string[] = [];
  failed: string[] = [];
  refused: string[] = [];
  /** what the background answers to recordAudit */
  auditOk = true;
  /** runs while the audit write is in flight (an edit, a policy change) */
  duringAudit: () => void = () => undefined;
  flushes: Array<() => void> = [];
  constructor(
    readonly id: number,
    readonly editor: HTMLElement,
    private readonly button: HTMLElement | null,
  ) {}
  postButton = () => this.button;
  currentText = () => this.text;
  decide = () => this.decision;
  flush = () => new Promise<unknown>((resolve) => this.flushes.push(() => resolve(undefined)));
  showChecking = () => void this.shown.push('checking');
  showHeld = () => void this.shown.push('held');
  hideGate = () => void this.shown.push('hidden');
  failedOpen = (reason: string) => void this.failed.push(reason);
  releaseRefused = (refusal: string) => void this.refused.push(refusal);
  audit = async (kind: string, extra?: unknown) => {
    const ok = this.auditOk;
    if (ok) this.audits.push([kind, extra]);
    await Promise.resolve(); // the round trip to the background
    this.duringAudit();
    return ok;
  };
  approvalContext = () => ({ site: 'x', handle: 'kakunin_jp', findings: [] });
}

let controller: AbortController;
let gate: Gate;
let a: FakeTarget;
let b: FakeTarget;
/** What the site's own handlers saw. */
let site: string[];

function composer(n: number) {
  const root = document.createElement('div');
  root.innerHTML = `<form><div class="editor" contenteditable="true"><p>text</p></div><button type="submit" class="post"><span>投稿</span></button></form>`;
  document.body.append(root);
  const button = root.querySelector<HTMLElement>('.post')!;
  for (const type of ['pointerdown', 'mousedown', 'click']) button.addEventListener(type, () => site.push(`${type}:${n}`));
  root.querySelector('.editor')!.addEventListener('keydown', () => site.push(`keydown:${n}`));
  root.querySelector('form')!.addEventListener('submit', (e) => {
    e.preventDefault();
    site.push(`submit:${n}`);
  });
  return new FakeTarget(n, root.querySelector<HTMLElement>('.editor')!, button);
}

/**
 * A click on the label inside the button, as users click X's button. (happy-dom does not submit
 * the form for a click on a descendant of a submit button, Chromium does: e2e covers that; a
 * replayed button.click() does submit here.)
 */
const click = (t: FakeTarget) => t.postButton()!.querySelector('span')!.click();
const press = (t: FakeTarget) => {
  const span = t.postButton()!.querySelector('span')!;
  span.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, cancelable: true }));
  span.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true }));
};
const modEnter = (t: FakeTarget, init: KeyboardEventInit = {}) =>
  t.editor.querySelector('p')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true, ...init }));

beforeEach(() => {
  document.body.innerHTML = '';
  site = [];
  controller = new AbortController();
  gate = new Gate(window, { quirks: { keyboardSubmit: true }, settleTimeoutMs: 1000, signal: controller.signal });
  a = composer(1);
  b = composer(2);
  gate.add(a);
  gate.add(b);
});
afterEach(() => {
  controller.abort();
  vi.useRealTimers();
});

describe('holding', () => {
  it('stops click, mousedown and pointerdown on the held composer only, and records one "held"', () => {
    a.decision = HOLD;
    press(a);
    click(a);
    click(a);
    press(b);
    click(b);
    expect(site).toEqual(['pointerdown:2', 'mousedown:2', 'click:2']);
    expect(a.shown).toEqual(['held', 'held']);
    expect(a.audits.map(([k]) => k)).toEqual(['held']);
  });

  it('stops Ctrl+Enter and Cmd+Enter typed in the held composer, not elsewhere, not mid-IME', () => {
    a.decision = HOLD;
    modEnter(a);
    modEnter(a, { ctrlKey: false, metaKey: true });
    modEnter(b);
    modEnter(a, { isComposing: true });
    a.editor.querySelector('p')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(site).toEqual(['keydown:2', 'keydown:1', 'keydown:1']);
  });

  it('stops a form submit from the held composer (Enter in another field, requestSubmit)', () => {
    a.decision = HOLD;
    a.editor.closest('form')!.requestSubmit();
    b.editor.closest('form')!.requestSubmit();
    expect(site).toEqual(['submit:2']);
  });

  it('holds a button shared by two composers (an X thread) when either holds', () => {
    document.body.innerHTML = '';
    const root = document.createElement('div');
    root.innerHTML = `<div class="e1" contenteditable="true"></div><div class="e2" contenteditable="true"></div><button class="post">Post all</button>`;
    document.body.append(root);
    const button = root.querySelector<HTMLElement>('.post')!;
    button.addEventListener('click', () => site.push('click'));
    const t1 = new FakeTarget(11, root.querySelector('.e1')!, button);
    const t2 = new FakeTarget(12, root.querySelector('.e2')!, button);
    gate.add(t1);
    gate.add(t2);
    t2.decision = HOLD;
    button.click();
    expect(site).toEqual([]);
    expect(t2.shown).toEqual(['held']);
    t2.decision = { kind: 'pass' };
    button.click();
    expect(site).toEqual(['click']);
  });

  it('holds Ctrl+Enter typed in one box of a shared button when another box holds (a thread, a content warning)', () => {
    document.body.innerHTML = '';
    const root = document.createElement('div');
    root.innerHTML = `<div class="e1" contenteditable="true"><p>1</p></div><div class="e2" contenteditable="true"><p>2</p></div><button class="post">Post all</button>
      <div class="e3" contenteditable="true"><p>3</p></div><button class="other">Post</button>`;
    document.body.append(root);
    const keys: string[] = [];
    root.addEventListener('keydown', (e) => keys.push((e.target as HTMLElement).textContent!));
    const t1 = new FakeTarget(21, root.querySelector('.e1')!, root.querySelector('.post'));
    const t2 = new FakeTarget(22, root.querySelector('.e2')!, root.querySelector('.post'));
    const t3 = new FakeTarget(23, root.querySelector('.e3')!, root.querySelector('.other'));
    for (const t of [t1, t2, t3]) gate.add(t);
    t2.decision = HOLD;
    modEnter(t1);
    expect(keys).toEqual([]);
    expect(t2.shown).toEqual(['held']);
    expect(t2.audits.map(([k]) => k)).toEqual(['held']);
    // A box with its own button is not held by the thread's.
    modEnter(t3);
    expect(keys).toEqual(['3']);
    t2.decision = { kind: 'pass' };
    modEnter(t1);
    expect(keys).toEqual(['3', '1']);
  });
});

describe('release', () => {
  it('needs a reason, records the override, replays the click, and re-arms when the text changes', async () => {
    a.decision = HOLD;
    click(a);
    expect(await gate.release(a, { by: 'override', reason: 'なし' })).toEqual({ released: false, refusal: 'reason-too-short' });
    expect(site).toEqual([]);
    expect(await gate.release(a, { by: 'override', reason: '誤検知のため' })).toEqual({ released: true });
    expect(a.audits.map(([k]) => k)).toEqual(['held', 'override']);
    expect(a.audits[1]![1]).toEqual({ reason: '誤検知のため' });
    // The site's own click handler ran once, and the button's form submitted.
    expect(site).toEqual(['click:1', 'submit:1']);
    // Released for this exact text: another click goes through.
    click(a);
    expect(site).toEqual(['click:1', 'submit:1', 'click:1']);
    a.text = '下書きを直した';
    gate.textChanged(a);
    click(a);
    expect(site).toHaveLength(3);
  });

  it('keeps the post held when the background does not confirm the override was logged', async () => {
    a.decision = HOLD;
    click(a);
    a.auditOk = false;
    expect(await gate.release(a, { by: 'override', reason: '誤検知のため' })).toEqual({ released: false, refusal: 'audit-failed' });
    expect(a.refused).toEqual(['audit-failed']);
    expect(site).toEqual([]);
    expect(gate.isReleased(a)).toBe(false);
    click(a);
    expect(site).toEqual([]);
    // Once the log takes it, the same reason releases the post.
    a.auditOk = true;
    expect(await gate.release(a, { by: 'override', reason: '誤検知のため' })).toEqual({ released: true });
    expect(site).toEqual(['click:1', 'submit:1']);
  });

  it('refuses an override the policy forbids, whatever the UI offered, and records nothing', async () => {
    a.decision = { ...HOLD, allowOverride: false } as Decision;
    click(a);
    expect(await gate.release(a, { by: 'override', reason: '誤検知のため' })).toEqual({ released: false, refusal: 'override-not-allowed' });
    expect(a.audits.map(([k]) => k)).toEqual(['held']);
    expect(a.refused).toEqual(['override-not-allowed']);
    click(a);
    expect(site).toEqual([]);
  });

  it('refuses an override when the draft is not held now (its check is pending)', async () => {
    a.decision = HOLD;
    click(a);
    a.decision = { kind: 'pending' };
    expect(await gate.release(a, { by: 'override', reason: '誤検知のため' })).toEqual({ released: false, refusal: 'not-held' });
    expect(a.audits.map(([k]) => k)).toEqual(['held']);
    expect(site).toEqual([]);
  });

  it('does not release a text edited while the override was being recorded', async () => {
    a.decision = HOLD;
    click(a);
    a.duringAudit = () => {
      a.text = '下書きに一文を足した';
      gate.textChanged(a);
    };
    expect(await gate.release(a, { by: 'override', reason: '誤検知のため' })).toEqual({ released: false, refusal: 'text-changed' });
    expect(site).toEqual([]);
    expect(gate.isReleased(a)).toBe(false);
  });

  it('replays a held Ctrl+Enter as a click on the composer\'s own post button', async () => {
    a.decision = HOLD;
    modEnter(a);
    await gate.release(a, { by: 'approval', detail: { approvals: 1 } });
    expect(a.audits.at(-1)).toEqual(['released', { detail: { by: 'approval', approvals: 1 } }]);
    expect(site).toEqual(['click:1', 'submit:1']);
  });

  it('replays a held form submit with requestSubmit', async () => {
    a.decision = HOLD;
    a.editor.closest('form')!.requestSubmit();
    await gate.release(a, { by: 'override', reason: '確認済みです' });
    expect(site).toEqual(['submit:1']);
  });

  it('emits kakunin:request-approval with the draft and says whether anyone took it', () => {
    expect(gate.requestApproval(a)).toBe(false);
    const seen: unknown[] = [];
    gate.events.addEventListener('kakunin:request-approval', (e) => {
      seen.push((e as CustomEvent).detail);
      e.preventDefault();
    });
    expect(gate.requestApproval(a)).toBe(true);
    expect(seen).toEqual([{ composerId: 1, text: '下書き', site: 'x', handle: 'kakunin_jp', findings: [] }]);
  });
});

describe('posting before the check is back', () => {
  it('holds the click, then lets it through once the check says the draft is clean', async () => {
    a.decision = { kind: 'pending' };
    click(a);
    click(a); // impatient second click while waiting
    expect(site).toEqual([]);
    expect(a.shown).toEqual(['checking']);
    a.decision = { kind: 'pass' };
    a.flushes.forEach((f) => f());
    await vi.waitFor(() => expect(site).toEqual(['click:1', 'submit:1']));
  });

  it('shows the hold when the check comes back held', async () => {
    a.decision = { kind: 'pending' };
    click(a);
    a.decision = HOLD;
    a.flushes.forEach((f) => f());
    await vi.waitFor(() => expect(a.shown).toEqual(['checking', 'hidden', 'held']));
    expect(site).toEqual([]);
  });

  it('fails open after the timeout: the post goes through, visibly', async () => {
    vi.useFakeTimers();
    a.decision = { kind: 'pending' };
    click(a);
    await vi.advanceTimersByTimeAsync(999);
    expect(site).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(a.failed).toEqual(['timeout']);
    expect(site).toEqual(['click:1', 'submit:1']);
  });
});

describe('failing open', () => {
  it('lets the post through with a notice when the background cannot check', () => {
    a.decision = { kind: 'fail-open', reason: 'unreachable' };
    click(a);
    modEnter(a);
    expect(site).toEqual(['click:1', 'keydown:1']);
    expect(a.failed).toEqual(['unreachable', 'unreachable']);
  });

  it('stops gating when the content script is invalidated (extension updated)', () => {
    a.decision = HOLD;
    controller.abort();
    click(a);
    expect(site).toEqual(['click:1']);
  });
});
