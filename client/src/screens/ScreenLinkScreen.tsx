import { normaliseCode } from '@circlewise/shared/commands';
import { type FormEvent, type ReactNode, useState } from 'react';
import { MeetingGate } from '../components/MeetingGate';
import { useMeetingConnection } from '../net/useMeetingConnection';
import { Projector } from '../projector/Projector';
import { MeetingProvider, useMeeting } from '../store/MeetingContext';

/** The screen link's secret from the address (`/m/CODE/screen#SECRET`), typed loosely. */
function secretFromAddress(): string | undefined {
  const secret = normaliseCode(decodeURIComponent(window.location.hash.slice(1)));
  return secret || undefined;
}

/**
 * The projector on the room's own PC, opened through the screen link the console shows: a
 * read-only capability that sees what any participant may see and sends nothing. The secret
 * stays in the address's #fragment, which the browser never sends to a server.
 */
export function ScreenLinkScreen({ code }: { code: string }) {
  const [secret, setSecret] = useState(secretFromAddress);
  const connection = useMeetingConnection(secret ? { code, token: secret } : undefined);
  if (!secret) return <ScreenCodeForm code={code} onSecret={setSecret} />;
  if (!connection) return <p className="loading">Connecting…</p>;
  return (
    <MeetingProvider store={connection.store} send={connection.send}>
      <ScreenGate code={code} onReset={() => setSecret(undefined)}>
        <Projector />
      </ScreenGate>
    </MeetingProvider>
  );
}

/** A refused or rotated link says so in words, with a way to type the new code. */
function ScreenGate({ code, onReset, children }: { code: string; onReset: () => void; children: ReactNode }) {
  const error = useMeeting((s) => (s.connection === 'failed' ? s.joinError : undefined));
  if (error?.code === 'bad_token') {
    return (
      <main className="page narrow">
        <h1>This screen link no longer opens meeting {code}</h1>
        <p role="alert">
          The facilitator has made a new screen link, or this one was mistyped. Open the new link shown on the
          facilitator’s console, or type its screen code.
        </p>
        <p className="actions">
          <button type="button" onClick={onReset}>
            Type the screen code
          </button>
        </p>
      </main>
    );
  }
  return (
    <MeetingGate code={code} onReset={{ label: 'Type the screen code', run: onReset }}>
      {children}
    </MeetingGate>
  );
}

function ScreenCodeForm({ code, onSecret }: { code: string; onSecret: (secret: string) => void }) {
  const [value, setValue] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const secret = normaliseCode(value);
    if (!secret) return;
    window.history.replaceState(null, '', `#${secret}`);
    onSecret(secret);
  };
  return (
    <main className="page narrow">
      <h1>Show meeting {code} on this screen</h1>
      <form onSubmit={submit} aria-label="Screen code">
        <label htmlFor="screen-code">Screen code, as shown on the facilitator’s console</label>
        <input
          id="screen-code"
          autoComplete="off"
          spellCheck={false}
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
        <p className="actions">
          <button type="submit">Show the meeting</button>
        </p>
      </form>
    </main>
  );
}
