/**
 * The local user's signing identity: create it once (a name; the key pair is made by the
 * background with WebCrypto), then show the public key, key id and a line to send the admin.
 */
import { useState } from 'preact/hooks';
import { shareLine } from '../../approval/share-line';
import type { PublicIdentityView } from '../../messaging/protocol';
import type { Lang } from '../i18n/lang';
import { CopyField } from './CopyField';
import { commonMessages as msg } from './messages';

function PublicParts({ lang, identity, copy }: { lang: Lang; identity: PublicIdentityView; copy: (text: string) => Promise<void> }) {
  return (
    <>
      <p class="hint">{msg.identityIntro[lang]}</p>
      <CopyField lang={lang} label={msg.publicKey[lang]} value={identity.publicKey} copy={copy} testId="own-public-key" />
      <CopyField lang={lang} label={msg.shareLine[lang]} value={shareLine(identity)} copy={copy} />
    </>
  );
}

interface IdentityPanelProps {
  lang: Lang;
  identity: PublicIdentityView | null;
  supported: boolean;
  create: (name: string) => Promise<void>;
  copy: (text: string) => Promise<void>;
  /** public key and share line folded away under a disclosure (compact) or shown */
  compact?: boolean;
  headingLevel?: 2 | 3;
}

export function IdentityPanel({ lang, identity, supported, create, copy, compact, headingLevel = 2 }: IdentityPanelProps) {
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const H = `h${headingLevel}` as 'h2';
  if (!supported) return <p role="alert">{msg.identityUnsupported[lang]}</p>;
  if (!identity) {
    return (
      <section class="identity" aria-labelledby="identity-title">
        <H id="identity-title">{msg.identityTitle[lang]}</H>
        <p>{msg.identityIntro[lang]}</p>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!name.trim() || busy) return;
            setBusy(true);
            setError(undefined);
            void create(name.trim())
              .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)))
              .finally(() => setBusy(false));
          }}
        >
          <label>
            <span class="field-label">{msg.identityName[lang]}</span>
            <input value={name} maxLength={100} onInput={(e) => setName(e.currentTarget.value)} required autoComplete="name" />
          </label>
          <button type="submit" disabled={!name.trim() || busy}>
            {busy ? msg.identityCreating[lang] : msg.identityCreate[lang]}
          </button>
          {error && <p role="alert">{error}</p>}
        </form>
      </section>
    );
  }
  return (
    <section class="identity" aria-labelledby="identity-title" data-key-id={identity.keyId}>
      <H id="identity-title">{msg.identityTitle[lang]}</H>
      <p>
        <strong>{identity.name}</strong> · {msg.keyId[lang]} <code data-testid="own-key-id">{identity.keyId}</code>
      </p>
      {compact ? (
        <details>
          <summary>{msg.showPublicKey[lang]}</summary>
          <PublicParts lang={lang} identity={identity} copy={copy} />
        </details>
      ) : (
        <PublicParts lang={lang} identity={identity} copy={copy} />
      )}
    </section>
  );
}
