import { LIMITS } from '@circlewise/shared/constants';
import { currentVersion, type DecisionView, openObjections } from '@circlewise/shared/decision';
import type { Seated } from '@circlewise/shared/meeting';
import { useState } from 'react';
import { SubmitStatus } from '../components/SubmitStatus';
import { nameOf } from '../lib/names';
import { useSubmit } from '../lib/useSubmit';

/** Before presenting, the proposal is edited in place; afterwards every change is a new version (C5). */
export function ProposalEditor({ view }: { view: Seated<DecisionView> }) {
  return view.presentedAt === undefined ? <EditForm view={view} /> : <AmendForm view={view} />;
}

function EditForm({ view }: { view: Seated<DecisionView> }) {
  const v = currentVersion(view);
  const [title, setTitle] = useState(v.title || view.title);
  const [driver, setDriver] = useState(v.driver);
  const [text, setText] = useState(v.text);
  const { state, submit, busy } = useSubmit();

  const save = (e: React.FormEvent) => {
    e.preventDefault();
    void submit({ type: 'proposal.edit', title, driver, text });
  };

  return (
    <form className="card" onSubmit={save} aria-labelledby="edit-heading">
      <h2 id="edit-heading">Proposal (version 1, not yet presented)</h2>
      <label htmlFor="p-title">Title</label>
      <input id="p-title" value={title} maxLength={LIMITS.title} onChange={(e) => setTitle(e.target.value)} />
      <label htmlFor="p-driver">Driver: what is happening, and why it matters</label>
      <textarea id="p-driver" rows={3} value={driver} onChange={(e) => setDriver(e.target.value)} />
      <label htmlFor="p-text">Proposal</label>
      <textarea id="p-text" rows={6} value={text} onChange={(e) => setText(e.target.value)} />
      <button type="submit" className="primary" disabled={busy}>
        Save proposal
      </button>
      <SubmitStatus state={state} recorded="Proposal saved." />
    </form>
  );
}

function AmendForm({ view }: { view: Seated<DecisionView> }) {
  const v = currentVersion(view);
  const [driver, setDriver] = useState(v.driver);
  const [text, setText] = useState(v.text);
  const [resolves, setResolves] = useState<string[]>([]);
  const { state, submit, busy } = useSubmit();
  const [making, setMaking] = useState(v.version + 1);
  const open = openObjections(view);

  const amend = async (e: React.FormEvent) => {
    e.preventDefault();
    setMaking(v.version + 1);
    const still = resolves.filter((id) => open.some((o) => o.id === id));
    const ok = await submit({
      type: 'proposal.amend',
      text,
      resolves: still,
      ...(driver !== v.driver && { driver }),
    });
    if (ok) setResolves([]);
  };

  const toggle = (id: string) =>
    setResolves((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));

  return (
    <form className="card" onSubmit={amend} aria-labelledby="amend-heading">
      <h2 id="amend-heading">
        {v.title}: amend version {v.version}
      </h2>
      <p className="muted">
        Amending makes version {v.version + 1}; everyone is asked again for objections and consent.
      </p>
      <label htmlFor="a-driver">Driver</label>
      <textarea id="a-driver" rows={3} value={driver} onChange={(e) => setDriver(e.target.value)} />
      <label htmlFor="a-text">Proposal</label>
      <textarea id="a-text" rows={6} value={text} onChange={(e) => setText(e.target.value)} />
      {open.length > 0 && (
        <fieldset className="choices">
          <legend>Objections this version resolves</legend>
          {open.map((o) => (
            <label className="choice" key={o.id}>
              <input type="checkbox" checked={resolves.includes(o.id)} onChange={() => toggle(o.id)} />
              {nameOf(view, o.participantId)}: {o.reason}
            </label>
          ))}
        </fieldset>
      )}
      <button type="submit" className="primary" disabled={busy}>
        Amend: make version {v.version + 1}
      </button>
      <SubmitStatus state={state} recorded={`Version ${making} recorded.`} />
    </form>
  );
}
