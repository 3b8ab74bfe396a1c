/** Approvers (name + Ed25519 public key, shown with its key id) and the hold/approval policy. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { IdentitySchema, keyIdOf } from '../../approval/identity';
import { parseShareLine, publicKeyProblem, type PublicKeyProblem } from '../../approval/share-line';
import { lockKey } from '../../storage/policy';
import type { Approver } from '../../storage/settings-schema';
import { useOptions } from './context';
import { LockNote } from './Locked';
import { messages } from './messages';
import { PolicyForm } from './PolicyForm';

function useKeyIds(approvers: readonly Approver[]): Record<string, string> {
  const [ids, setIds] = useState<Record<string, string>>({});
  useEffect(() => {
    let live = true;
    void Promise.all(approvers.map(async (a) => [a.publicKey, await keyIdOf(a.publicKey).catch(() => '?')] as const)).then((pairs) => {
      if (live) setIds(Object.fromEntries(pairs));
    });
    return () => {
      live = false;
    };
  }, [approvers]);
  return ids;
}

export function ApproversSection() {
  const { t, data, effective, locked, apply } = useOptions();
  const [name, setName] = useState('');
  const [key, setKey] = useState('');
  const [errors, setErrors] = useState<{ name?: string; key?: string }>({});
  // managedApproversOnly: the user's own approvers are not in force (storage/policy.ts); they are
  // listed disabled, so the user sees why an approval signed by one of them is refused.
  const approversLocked = locked.has(lockKey.managedApproversOnly);
  const ignored = useMemo(
    () => (approversLocked ? data.own.approvers.filter((a) => !effective.approvers.some((e) => e.publicKey === a.publicKey)) : []),
    [approversLocked, data.own.approvers, effective.approvers],
  );
  const listed = useMemo(() => [...effective.approvers, ...ignored], [effective.approvers, ignored]);
  const keyIds = useKeyIds(listed);

  /** A whole share line pasted into the key field: keep the key, take the name if none was typed. */
  const keyInput = (value: string) => {
    const line = parseShareLine(value);
    if (line.name === undefined || publicKeyProblem(line.publicKey)) return setKey(value);
    setKey(line.publicKey);
    if (!name.trim()) setName(line.name.slice(0, 100));
    setErrors({});
  };

  const keyError = (problem: PublicKeyProblem, length: number) =>
    t(problem === 'length' ? messages.approverKeyLength(length) : problem === 'characters' ? messages.approverKeyCharacters : messages.approverKeyNotAKey);

  const add = async (e: Event) => {
    e.preventDefault();
    if (approversLocked) return;
    // the key field may still hold a whole line (typed, or set without an input event)
    const { name: lineName, publicKey } = parseShareLine(key);
    const nameValue = name.trim() || (lineName ?? '');
    const problem = publicKeyProblem(publicKey);
    const out: { name?: string; key?: string } = {};
    if (problem) out.key = keyError(problem, publicKey.length);
    if (!nameValue) out.name = t(messages.approverNameRequired);
    const parsed = IdentitySchema.safeParse({ name: nameValue, publicKey });
    if (!parsed.success) {
      for (const i of parsed.error.issues) {
        if (i.path[0] === 'name') out.name ??= i.message;
        else out.key ??= i.message;
      }
    }
    if (out.key || out.name || !parsed.success) return setErrors(out);
    if (effective.approvers.some((a) => a.publicKey === parsed.data.publicKey)) return setErrors({ key: t(messages.approverExists) });
    setErrors({});
    if (await apply((s) => ({ ...s, approvers: [...s.approvers, parsed.data] }), { done: messages.saved })) {
      setName('');
      setKey('');
    }
  };

  return (
    <section id="approvers" class="section" aria-labelledby="approvers-title">
      <h2 id="approvers-title">{t(messages.approvers)}</h2>
      <p>{t(messages.approversIntro)}</p>
      <p>
        {/* the same extension's page: resolved against options.html, so it is this install's id */}
        <a href="/approve.html" target="_blank" rel="noopener" aria-describedby="open-approval-page-hint">
          {t(messages.openApprovalPage)}
        </a>{' '}
        <span class="hint" id="open-approval-page-hint">
          {t(messages.openApprovalPageHint)}
        </span>
      </p>
      {approversLocked && (
        <p class="warning" data-testid="approvers-locked">
          <LockNote /> {t(messages.approversLocked)}
        </p>
      )}
      {listed.length === 0 ? (
        <p class="empty">{t(messages.noApprovers)}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t(messages.approverName)}</th>
              <th scope="col">{t(messages.keyId)}</th>
              <th scope="col">{t(messages.publicKey)}</th>
              <th scope="col">
                <span class="visually-hidden">{t(messages.delete)}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {listed.map((a) => (
              <tr key={a.publicKey} class={ignored.includes(a) ? 'ignored' : undefined} aria-disabled={ignored.includes(a) || undefined}>
                <td>
                  {a.name}
                  {ignored.includes(a) && <span class="lock">{t(messages.approverIgnored)}</span>}
                </td>
                <td>
                  <code data-testid="key-id">{keyIds[a.publicKey] ?? '…'}</code>
                </td>
                <td>
                  <code class="key">{a.publicKey}</code>
                </td>
                <td>
                  {locked.has(lockKey.approver(a.publicKey)) ? (
                    <LockNote />
                  ) : (
                    <button type="button" class="danger" aria-label={`${t(messages.delete)} ${a.name}`} onClick={() => void apply((s) => ({ ...s, approvers: s.approvers.filter((x) => x.publicKey !== a.publicKey) }), { done: messages.saved, undoable: true })}>
                      {t(messages.delete)}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <form class="inline-form" onSubmit={add} aria-labelledby="add-approver-title" noValidate>
        <h3 id="add-approver-title">{t(messages.addApprover)}</h3>
        {approversLocked && (
          <p class="hint" id="add-approver-locked">
            {t(messages.addApproverLocked)}
          </p>
        )}
        <label for="approver-name">{t(messages.approverName)}</label>
        <input id="approver-name" value={name} maxLength={100} disabled={approversLocked} onInput={(e) => setName(e.currentTarget.value)} aria-invalid={errors.name ? true : undefined} aria-describedby={errors.name ? 'approver-name-error' : undefined} />
        <label for="approver-key">{t(messages.publicKey)}</label>
        <input
          id="approver-key"
          class="key"
          value={key}
          disabled={approversLocked}
          onInput={(e) => keyInput(e.currentTarget.value)}
          spellcheck={false}
          aria-invalid={errors.key ? true : undefined}
          aria-describedby={errors.key ? 'approver-key-error approver-key-hint' : 'approver-key-hint'}
        />
        <button type="submit" disabled={approversLocked} aria-describedby={approversLocked ? 'add-approver-locked' : undefined}>
          {t(messages.add)}
        </button>
        <p class="hint" id="approver-key-hint">
          {t(messages.approverKeyHint)}
        </p>
        {errors.name && (
          <p id="approver-name-error" class="error" role="alert">
            {errors.name}
          </p>
        )}
        {errors.key && (
          <p id="approver-key-error" class="error" role="alert">
            {errors.key}
          </p>
        )}
      </form>

      <PolicyForm />
    </section>
  );
}
