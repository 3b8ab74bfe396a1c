// @vitest-environment happy-dom
// The held dialog: a refused "post anyway" is said in the dialog (ja/en), the reason form stays
// open to try again, and the override button is there only when the policy allows it.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GateDialog } from '../../../src/ui/in-page/GateDialog';
import type { ComposerActions, GateView } from '../../../src/ui/in-page/view';

afterEach(cleanup);

const held = (change: Partial<Extract<GateView, { phase: 'held' }>> = {}): GateView => ({
  phase: 'held',
  reason: 'findings',
  findings: [],
  allowOverride: true,
  minReason: 5,
  ...change,
});

function actions(override: ComposerActions['override'] = async () => undefined): ComposerActions {
  return { togglePanel: vi.fn(), dismiss: vi.fn(async () => undefined), override, requestApproval: vi.fn(), closeGate: vi.fn(), clearNotice: vi.fn() };
}

describe('GateDialog', () => {
  it('says why an override was refused, in Japanese and in English', () => {
    const { unmount } = render(<GateDialog lang="ja" gate={held({ refusal: 'audit-failed' })} actions={actions()} />);
    expect(screen.getByRole('alert').textContent).toBe('理由を監査ログに記録できなかったため、投稿は保留したままです。もう一度試すか、承認を依頼してください。');
    unmount();
    render(<GateDialog lang="en" gate={held({ refusal: 'override-not-allowed', allowOverride: false })} actions={actions()} />);
    expect(screen.getByRole('alert').textContent).toBe('Your administrator does not allow posting a held draft anyway. Fix the draft, or request approval.');
    expect(screen.queryByRole('button', { name: 'Post anyway' })).toBeNull();
  });

  it('names the minimum length when the reason was too short', () => {
    render(<GateDialog lang="en" gate={held({ refusal: 'reason-too-short' })} actions={actions()} />);
    expect(screen.getByRole('alert').textContent).toBe('Give a reason of at least 5 characters. The post is still held.');
  });

  it('keeps the reason form open after a refused override, so the user can try again', async () => {
    const override = vi.fn(async () => undefined);
    const view = render(<GateDialog lang="en" gate={held()} actions={actions(override)} />);
    fireEvent.click(screen.getByRole('button', { name: 'Post anyway' }));
    fireEvent.input(screen.getByLabelText('Why post anyway? (required, recorded)'), { target: { value: 'false positive' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record reason and post' }));
    await waitFor(() => expect(override).toHaveBeenCalledWith('false positive'));
    view.rerender(<GateDialog lang="en" gate={held({ refusal: 'audit-failed' })} actions={actions(override)} />);
    expect(screen.getByRole('alert').textContent).toMatch(/could not be written to the audit log/);
    await waitFor(() => expect((screen.getByRole('button', { name: 'Record reason and post' }) as HTMLButtonElement).disabled).toBe(false));
    expect((screen.getByLabelText('Why post anyway? (required, recorded)') as HTMLTextAreaElement).value).toBe('false positive');
  });
});
