// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { keyIdOf } from '../../../src/approval/identity';
import { createIdentity } from '../../../src/approval/keys';
import { saveSettings } from '../../../src/storage/settings';
import { DEFAULT_SETTINGS } from '../../../src/storage/settings-schema';
import { renderOptions, setupBrowser, stored, type Harness } from './harness';

let h: Harness;
beforeEach(() => {
  fakeBrowser.reset();
  h = setupBrowser();
});
afterEach(cleanup);

const section = () => within(document.getElementById('approvers')!);
const keys = async (n: number) => Promise.all(Array.from({ length: n }, async (_, i) => (await createIdentity(`承認者${i + 1}`)).identity));

describe('approvers', () => {
  it('adds an approver with a real Ed25519 key and shows its key id; refuses a bad or repeated key', async () => {
    const [a] = await keys(1);
    await renderOptions(h);
    fireEvent.input(section().getByLabelText('Name'), { target: { value: '広報部長' } });
    fireEvent.input(section().getByLabelText('Public key (base64url, 43 characters)'), { target: { value: 'not-a-key' } });
    fireEvent.click(section().getByRole('button', { name: 'Add' }));
    expect(await section().findByText('A public key is 43 base64url characters (this is 9). Paste the approver’s share line or the key alone, unchanged.')).toBeTruthy();
    expect(section().getByLabelText('Public key (base64url, 43 characters)').getAttribute('aria-invalid')).toBe('true');
    expect((await stored()).approvers).toEqual([]);

    fireEvent.input(section().getByLabelText('Public key (base64url, 43 characters)'), { target: { value: a!.publicKey } });
    fireEvent.click(section().getByRole('button', { name: 'Add' }));
    await waitFor(async () => expect((await stored()).approvers).toEqual([{ name: '広報部長', publicKey: a!.publicKey }]));
    const expectedId = await keyIdOf(a!.publicKey);
    await waitFor(() => expect(section().getByTestId('key-id').textContent).toBe(expectedId));

    fireEvent.input(section().getByLabelText('Name'), { target: { value: 'again' } });
    fireEvent.input(section().getByLabelText('Public key (base64url, 43 characters)'), { target: { value: a!.publicKey } });
    fireEvent.click(section().getByRole('button', { name: 'Add' }));
    expect(await section().findByText('This public key is already listed.')).toBeTruthy();
    expect((await stored()).approvers).toHaveLength(1);
  });
});

describe('approvers: the approval page', () => {
  it('links to this install’s approval page, in a new tab, saying when to use it', async () => {
    await renderOptions(h, { lang: 'ja' });
    const link = section().getByRole('link', { name: '承認ページを開く' });
    expect(link.getAttribute('href')).toBe('/approve.html');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(document.getElementById(link.getAttribute('aria-describedby')!)!.textContent).toContain('依頼のコードかリンクを貼り付けてください');
  });
});

describe('approvers: pasting the share line', () => {
  const keyField = () => section().getByLabelText('Public key (base64url, 43 characters)') as HTMLInputElement;
  const nameField = () => section().getByLabelText('Name') as HTMLInputElement;

  it('splits the identity panel’s line pasted into the key field, filling the empty name', async () => {
    const [a] = await keys(1);
    await renderOptions(h);
    fireEvent.input(keyField(), { target: { value: `佐藤 広報 ${a!.publicKey}\n` } });
    expect(keyField().value).toBe(a!.publicKey);
    expect(nameField().value).toBe('佐藤 広報');
    fireEvent.click(section().getByRole('button', { name: 'Add' }));
    await waitFor(async () => expect((await stored()).approvers).toEqual([{ name: '佐藤 広報', publicKey: a!.publicKey }]));
  });

  it('keeps a name already typed', async () => {
    const [a] = await keys(1);
    await renderOptions(h);
    fireEvent.input(nameField(), { target: { value: '広報部長' } });
    fireEvent.input(keyField(), { target: { value: `佐藤 ${a!.publicKey}` } });
    expect(nameField().value).toBe('広報部長');
    expect(keyField().value).toBe(a!.publicKey);
  });

  it('says plainly what is wrong with a malformed key in a pasted line, in Japanese too', async () => {
    const [a] = await keys(1);
    await renderOptions(h, { lang: 'ja' });
    const key = section().getByLabelText('公開鍵 (base64url, 43文字)') as HTMLInputElement;
    fireEvent.input(key, { target: { value: `佐藤 ${a!.publicKey.slice(0, 40)}` } });
    expect(key.value).toBe(`佐藤 ${a!.publicKey.slice(0, 40)}`); // not split: the key part is not a key
    fireEvent.click(section().getByRole('button', { name: '追加' }));
    expect(await section().findByText('公開鍵は base64url の 43 文字です (入力は 40 文字)。承認者の「共有用の文字列」か公開鍵だけを、そのまま貼り付けてください。')).toBeTruthy();
    expect(key.getAttribute('aria-invalid')).toBe('true');
    fireEvent.input(key, { target: { value: `${a!.publicKey.slice(0, 42)}=` } });
    fireEvent.click(section().getByRole('button', { name: '追加' }));
    expect(await section().findByText(/^公開鍵に使えない文字が含まれています/)).toBeTruthy();
    expect((await stored()).approvers).toEqual([]);
  });
});

describe('policy: N of M', () => {
  it('refuses N above the number of approvers with a clear error, and saves N within it', async () => {
    const ids = await keys(2);
    await saveSettings({ ...DEFAULT_SETTINGS, approvers: ids });
    await renderOptions(h);
    const n = section().getByLabelText('Approvals needed (N)');
    fireEvent.input(n, { target: { value: '3' } });
    fireEvent.change(n);
    expect(await section().findByText(/Only 2 approver\(s\) are listed, so 3 approvals can never be collected/)).toBeTruthy();
    expect(n.getAttribute('aria-invalid')).toBe('true');
    expect((await stored()).policy.requiredApprovals).toBe(1);

    fireEvent.input(n, { target: { value: '2' } });
    fireEvent.change(n);
    await waitFor(async () => expect((await stored()).policy.requiredApprovals).toBe(2));
    expect(section().getByText('2 of 2 approvers')).toBeTruthy();
    expect(n.getAttribute('aria-invalid')).toBeNull();
  });

  it('says so when removing an approver leaves N above M', async () => {
    const ids = await keys(2);
    await saveSettings({ ...DEFAULT_SETTINGS, approvers: ids, policy: { ...DEFAULT_SETTINGS.policy, requiredApprovals: 2 } });
    await renderOptions(h);
    fireEvent.click(section().getByRole('button', { name: 'Delete 承認者2' }));
    await waitFor(async () => expect((await stored()).approvers).toHaveLength(1));
    expect(await section().findByText(/^2 approvals are required but only 1 approver is listed, so for now every listed approver \(1\) must approve/)).toBeTruthy();
  });

  it('an administrator’s N above the approvers: said loudly, locked, and applied as all of them', async () => {
    const [admin] = await keys(1);
    await fakeBrowser.storage.managed.set({ policy: { requiredApprovals: 3 }, approvers: [admin] });
    await renderOptions(h);
    const alert = within(section().getByRole('alert'));
    expect(alert.getByText('3 approvals are required but only 1 approver is listed, so for now every listed approver (1) must approve (a post that could never be approved would be stuck). Add approvers or lower the number to 1 or less. Set by your administrator: ask them to fix it.')).toBeTruthy();
    expect((section().getByLabelText('Approvals needed (N)') as HTMLInputElement).disabled).toBe(true);
    expect(section().getByText('1 of 1 approvers')).toBeTruthy();
  });

  it('saves the other policy fields and refuses an out-of-range validity', async () => {
    await renderOptions(h);
    fireEvent.change(section().getByLabelText('Hold the post at'), { target: { value: 'warn' } });
    await waitFor(async () => expect((await stored()).policy.holdAt).toBe('warn'));
    fireEvent.click(section().getByLabelText('Company-account posts always need approval'));
    await waitFor(async () => expect((await stored()).policy.companyAlwaysNeedsApproval).toBe(true));
    // no approvers while approval is mandatory: said plainly
    expect(await section().findByText('Approval is required but no approvers are listed.')).toBeTruthy();
    fireEvent.click(section().getByLabelText('Users may post a held draft anyway, with a logged reason'));
    await waitFor(async () => expect((await stored()).policy.allowOverride).toBe(false));
    const ttl = section().getByLabelText('Approval valid for (hours)');
    fireEvent.input(ttl, { target: { value: '9999' } });
    fireEvent.change(ttl);
    expect(await section().findByText('Enter a number from 1 to 720.')).toBeTruthy();
    fireEvent.input(ttl, { target: { value: '48' } });
    fireEvent.change(ttl);
    await waitFor(async () => expect((await stored()).policy.approvalTtlHours).toBe(48));
  });

  it('with managedApproversOnly, lists the user’s own approvers as not used, explains why, and disables adding', async () => {
    const [admin, mine] = await keys(2);
    await saveSettings({ ...DEFAULT_SETTINGS, approvers: [mine!] });
    await fakeBrowser.storage.managed.set({ approvers: [admin], managedApproversOnly: true });
    await renderOptions(h);
    expect(section().getByTestId('approvers-locked').textContent).toContain(
      'Your administrator allows only the approvers they set. Approvers you added are not used when approval codes are checked',
    );
    const rows = section().getAllByRole('row').slice(1);
    expect(rows.map((r) => [r.getAttribute('aria-disabled'), r.textContent?.includes('Not used (administrator setting)')])).toEqual([
      [null, false],
      ['true', true],
    ]);
    expect(within(rows[1]!).getByText(mine!.publicKey)).toBeTruthy();
    // N of M counts the administrator's approvers only
    expect(section().getByText('1 of 1 approvers')).toBeTruthy();
    expect((section().getByLabelText('Name') as HTMLInputElement).disabled).toBe(true);
    expect((section().getByLabelText('Public key (base64url, 43 characters)') as HTMLInputElement).disabled).toBe(true);
    expect((section().getByRole('button', { name: 'Add' }) as HTMLButtonElement).disabled).toBe(true);
    expect(section().getByText('Approvers are managed by your administrator. To add one, send their name and public key to your administrator.')).toBeTruthy();
    // the user may still clean up their own entry; it was never in force
    fireEvent.click(section().getByRole('button', { name: `Delete ${mine!.name}` }));
    await waitFor(async () => expect((await stored()).approvers).toEqual([]));
  });

  it('shows the administrator’s values locked: disabled, with the note', async () => {
    const [admin] = await keys(1);
    await fakeBrowser.storage.managed.set({ policy: { holdAt: 'warn', requiredApprovals: 1 }, approvers: [admin] });
    await renderOptions(h);
    const hold = section().getByLabelText('Hold the post at') as HTMLSelectElement;
    expect(hold.disabled).toBe(true);
    expect(hold.value).toBe('warn');
    expect((section().getByLabelText('Approvals needed (N)') as HTMLInputElement).disabled).toBe(true);
    expect(section().getAllByText('Set by your administrator').length).toBeGreaterThanOrEqual(3); // two fields + the approver row
    expect(section().queryByRole('button', { name: `Delete ${admin!.name}` })).toBeNull();
    // what is not locked stays editable
    expect((section().getByLabelText('Approval valid for (hours)') as HTMLInputElement).disabled).toBe(false);
    expect(screen.getByRole('heading', { name: 'Managed policy' })).toBeTruthy();
  });
});
