import { useState } from 'react';

/** For a laptop that did not create the meeting: paste the facilitator key kept elsewhere. */
export function FacilitatorKeyForm({ code, onKey }: { code: string; onKey: (key: string) => void }) {
  const [key, setKey] = useState('');
  return (
    <main className="page narrow">
      <h1>Facilitate meeting {code}</h1>
      <p>
        This browser does not hold the facilitator key for this meeting. Open this page on the computer that
        started the meeting, or paste the key here.
      </p>
      <form
        className="card"
        onSubmit={(e) => {
          e.preventDefault();
          if (key.trim()) onKey(key.trim());
        }}
      >
        <label htmlFor="facilitator-key">Facilitator key</label>
        <input id="facilitator-key" value={key} autoComplete="off" onChange={(e) => setKey(e.target.value)} />
        <button type="submit" className="primary" disabled={!key.trim()}>
          Use this key
        </button>
      </form>
      <p>
        <a href="/">Back to start</a>
      </p>
    </main>
  );
}
