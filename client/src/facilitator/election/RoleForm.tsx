import { LIMITS } from '@circlewise/shared/constants';
import { isoDay } from '@circlewise/shared/dates';
import type { ElectionView } from '@circlewise/shared/election';
import { useState } from 'react';
import { SubmitStatus } from '../../components/SubmitStatus';
import { useSubmit } from '../../lib/useSubmit';
import { type Term, TermDates } from './TermDates';

/**
 * A term from today for a year, until the circle says otherwise. Today is the facilitator's own
 * calendar day (local time): a suggestion they read and can change, never compared with the server.
 */
export function defaultTerm(today = new Date()): Term {
  const end = new Date(today.getFullYear() + 1, today.getMonth(), today.getDate());
  return { termStart: isoDay(today, 'local'), termEnd: isoDay(end, 'local') };
}

/** The role being filled and its term (role.set); can be changed until nominations open. */
export function RoleForm({ view }: { view: ElectionView }) {
  const initial = view.role ?? { role: '', description: '', ...defaultTerm() };
  const [role, setRole] = useState(initial.role);
  const [description, setDescription] = useState(initial.description);
  const [term, setTerm] = useState<Term>({ termStart: initial.termStart, termEnd: initial.termEnd });
  const { state, submit, busy } = useSubmit();

  return (
    <form
      className="card"
      aria-labelledby="role-form-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void submit({ type: 'role.set', role, description, ...term });
      }}
    >
      <h2 id="role-form-heading">Role and term</h2>
      <label htmlFor="role-name">Role</label>
      <input
        id="role-name"
        value={role}
        maxLength={LIMITS.title}
        onChange={(e) => setRole(e.target.value)}
        placeholder="e.g. Facilitator of the garden circle"
      />
      <label htmlFor="role-description">Description (what the role does)</label>
      <textarea
        id="role-description"
        rows={3}
        value={description}
        maxLength={LIMITS.text}
        onChange={(e) => setDescription(e.target.value)}
      />
      <TermDates idPrefix="term" term={term} onChange={setTerm} />
      <button type="submit" className="primary" disabled={busy}>
        {view.role ? 'Update the role' : 'Set the role'}
      </button>
      <SubmitStatus state={state} recorded="Role and term saved." />
    </form>
  );
}
