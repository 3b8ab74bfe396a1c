/** When posts are held and how approval works: holdAt, company approval, N of M, validity, override. */
import { useState } from 'preact/hooks';
import { approvalsRequired, checkApprovalPolicy } from '../../storage/approval-policy';
import { lockKey } from '../../storage/policy';
import type { Policy } from '../../storage/settings-schema';
import { useOptions } from './context';
import { LockNote } from './Locked';
import { messages } from './messages';

/** A number typed in a box, saved only once valid; the error says why not. */
function NumberField(props: { id: string; label: string; value: number; min: number; max: number; integer: boolean; locked: boolean; check?: (n: number) => string | undefined; onSave(n: number): void }) {
  const { t } = useOptions();
  const [text, setText] = useState(String(props.value));
  const [shown, setShown] = useState(props.value);
  const [error, setError] = useState<string>();
  if (shown !== props.value) {
    // saved or changed elsewhere: show the new value (derived during render, not in an effect that could
    // land after the user's next keystroke)
    setShown(props.value);
    setText(String(props.value));
  }
  const commit = (e: Event) => {
    const value = (e.currentTarget as HTMLInputElement).value; // the box itself: state may not have re-rendered yet
    const n = Number(value);
    const bad = value.trim() === '' || !Number.isFinite(n) || n < props.min || n > props.max || (props.integer && !Number.isInteger(n)) ? t(messages.numberRange(props.min, props.max)) : props.check?.(n);
    setError(bad);
    if (!bad && n !== props.value) props.onSave(n);
  };
  const describedBy = [error ? `${props.id}-error` : '', props.locked ? `${props.id}-lock` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="number"
        inputMode="numeric"
        min={props.min}
        max={props.max}
        step={props.integer ? 1 : 'any'}
        value={text}
        disabled={props.locked}
        onInput={(e) => setText(e.currentTarget.value)}
        onChange={commit}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      {props.locked && <LockNote id={`${props.id}-lock`} />}
      {error && (
        <p id={`${props.id}-error`} class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export function PolicyForm() {
  const { t, effective, locked, apply } = useOptions();
  const p = effective.policy;
  const isLocked = (k: keyof Policy) => locked.has(lockKey.policy(k));
  const set = <K extends keyof Policy>(k: K, v: Policy[K]) => void apply((s) => ({ ...s, policy: { ...s.policy, [k]: v } }), { done: messages.saved });
  const approvers = new Set(effective.approvers.map((a) => a.publicKey)).size;
  const issues = checkApprovalPolicy(effective);
  const required = approvalsRequired(effective);

  return (
    <fieldset class="policy" aria-describedby={issues.length ? 'policy-issues' : undefined}>
      <legend>{t(messages.policyTitle)}</legend>
      <div class="field">
        <label for="policy-holdAt">{t(messages.holdAt)}</label>
        <select id="policy-holdAt" value={p.holdAt} disabled={isLocked('holdAt')} aria-describedby={isLocked('holdAt') ? 'policy-holdAt-lock' : undefined} onChange={(e) => set('holdAt', e.currentTarget.value as Policy['holdAt'])}>
          <option value="block">{t(messages.holdAtBlock)}</option>
          <option value="warn">{t(messages.holdAtWarn)}</option>
        </select>
        {isLocked('holdAt') && <LockNote id="policy-holdAt-lock" />}
      </div>
      <div class="checkbox">
        <input id="policy-companyAlwaysNeedsApproval" type="checkbox" checked={p.companyAlwaysNeedsApproval} disabled={isLocked('companyAlwaysNeedsApproval')} aria-describedby={isLocked('companyAlwaysNeedsApproval') ? 'policy-companyAlwaysNeedsApproval-lock' : undefined} onChange={(e) => set('companyAlwaysNeedsApproval', e.currentTarget.checked)} />
        <label for="policy-companyAlwaysNeedsApproval">{t(messages.companyAlwaysNeedsApproval)}</label>
        {isLocked('companyAlwaysNeedsApproval') && <LockNote id="policy-companyAlwaysNeedsApproval-lock" />}
      </div>
      <NumberField
        id="policy-requiredApprovals"
        label={t(messages.requiredApprovals)}
        value={p.requiredApprovals}
        min={1}
        max={10}
        integer
        locked={isLocked('requiredApprovals')}
        check={(n) => (approvers > 0 && n > approvers ? t(messages.requiredExceeds(n, approvers)) : undefined)}
        onSave={(n) => set('requiredApprovals', n)}
      />
      {approvers > 0 && <p class="hint">{t(messages.nOfM(required.applied, approvers))}</p>}
      <NumberField id="policy-approvalTtlHours" label={t(messages.approvalTtlHours)} value={p.approvalTtlHours} min={1} max={720} integer={false} locked={isLocked('approvalTtlHours')} onSave={(n) => set('approvalTtlHours', n)} />
      <div class="checkbox">
        <input id="policy-allowOverride" type="checkbox" checked={p.allowOverride} disabled={isLocked('allowOverride')} aria-describedby={isLocked('allowOverride') ? 'policy-allowOverride-lock' : undefined} onChange={(e) => set('allowOverride', e.currentTarget.checked)} />
        <label for="policy-allowOverride">{t(messages.allowOverride)}</label>
        {isLocked('allowOverride') && <LockNote id="policy-allowOverride-lock" />}
      </div>
      {issues.length > 0 && (
        <div id="policy-issues" class="error" role="alert">
          {issues.map((i) => (
            <p key={i.code}>
              {i.code === 'required-exceeds-approvers'
                ? t(messages.requiredCapped(i.required, i.approvers, isLocked('requiredApprovals')))
                : t(messages.approvalWithoutApprovers)}
            </p>
          ))}
        </div>
      )}
    </fieldset>
  );
}
