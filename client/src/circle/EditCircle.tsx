import type { Circle } from '@circlewise/shared/circles';
import { LIMITS } from '@circlewise/shared/constants';
import { useEffect, useRef, useState } from 'react';
import { updateCircle } from '../net/circleApi';
import { type CircleDraft, type CircleField, checkCircle, circleChanges, circleDraft } from './circleForm';

type State =
  | { state: 'closed'; saved: boolean }
  | { state: 'open'; draft: CircleDraft; problem?: { field?: CircleField; message: string } }
  | { state: 'saving'; draft: CircleDraft };

/**
 * Changing the circle's name, aim, review period and members: closed until asked for, then a
 * form pre-filled with the details as they stand. Only what was changed is sent, so a member's
 * change made meanwhile to another detail stays. A new review period is for meetings made
 * afterwards; the form says so, since an open meeting keeps the period it was made with.
 */
export function EditCircle({
  circleKey,
  circle,
  onChanged,
}: {
  circleKey: string;
  circle: Circle;
  /** Reloads the page's data: after a save, or when the link turns out to open nothing any more. */
  onChanged: () => void;
}) {
  const [s, setS] = useState<State>({ state: 'closed', saved: false });
  const form = useRef<HTMLFormElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);

  const focusField = (name: CircleField) =>
    form.current?.querySelector<HTMLElement>(`#edit-circle-${name}`)?.focus();

  // Opening moves the focus into the form, closing it back to the button that opened it.
  const wasOpen = useRef(false);
  useEffect(() => {
    const isOpen = s.state !== 'closed';
    if (isOpen && !wasOpen.current) form.current?.querySelector<HTMLElement>('#edit-circle-name')?.focus();
    if (!isOpen && wasOpen.current) editButton.current?.focus();
    wasOpen.current = isOpen;
  }, [s.state]);

  async function save(e: React.FormEvent) {
    e.preventDefault();
    if (s.state !== 'open') return;
    const checked = checkCircle(s.draft);
    if (!checked.ok) {
      setS({ ...s, problem: { field: checked.field, message: checked.message } });
      return void focusField(checked.field);
    }
    const changes = circleChanges(circle, checked.request);
    if (Object.keys(changes).length === 0) {
      return setS({ ...s, problem: { message: 'Nothing has changed: change a detail, or Cancel.' } });
    }
    setS({ state: 'saving', draft: s.draft });
    const result = await updateCircle(circleKey, changes);
    if (!result.ok) {
      setS({
        state: 'open',
        draft: s.draft,
        problem: { message: `Could not save: ${result.error.message}` },
      });
      // A link rotated away meanwhile: the page's reload ends on the "no longer opens" page.
      if (result.error.code === 'unknown_circle') onChanged();
      return;
    }
    setS({ state: 'closed', saved: true });
    onChanged();
  }

  return (
    <section className="card no-print" aria-labelledby="edit-circle-heading">
      <h2 id="edit-circle-heading">The circle’s details</h2>
      {s.state === 'closed' ? (
        <>
          <div role="status">{s.saved && <p className="status status-recorded">Saved.</p>}</div>
          <p className="muted">
            Anyone with the member link can change the name, aim, review period and members.
          </p>
          <button
            ref={editButton}
            type="button"
            onClick={() => setS({ state: 'open', draft: circleDraft(circle) })}
          >
            Edit the circle’s details
          </button>
        </>
      ) : (
        <DetailsForm
          formRef={form}
          draft={s.draft}
          problem={s.state === 'open' ? s.problem : undefined}
          busy={s.state === 'saving'}
          onChange={(draft) => s.state === 'open' && setS({ ...s, draft })}
          onSubmit={save}
          onCancel={() => setS({ state: 'closed', saved: false })}
        />
      )}
    </section>
  );
}

function DetailsForm({
  formRef,
  draft,
  problem,
  busy,
  onChange,
  onSubmit,
  onCancel,
}: {
  formRef: React.RefObject<HTMLFormElement | null>;
  draft: CircleDraft;
  problem: { field?: CircleField; message: string } | undefined;
  busy: boolean;
  onChange: (draft: CircleDraft) => void;
  onSubmit: (e: React.FormEvent) => void;
  onCancel: () => void;
}) {
  const field = (name: CircleField) => ({
    id: `edit-circle-${name}`,
    value: draft[name],
    disabled: busy,
    'aria-invalid': problem?.field === name || undefined,
    'aria-describedby': problem?.field === name ? 'edit-circle-problem' : undefined,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      onChange({ ...draft, [name]: e.target.value }),
  });

  return (
    <form ref={formRef} onSubmit={onSubmit} aria-label="Edit the circle’s details" noValidate>
      <label htmlFor="edit-circle-name">The circle’s name</label>
      <input {...field('name')} maxLength={LIMITS.title} autoComplete="off" />
      <label htmlFor="edit-circle-aim">Its aim and domain (optional)</label>
      <textarea {...field('aim')} rows={3} maxLength={LIMITS.text} />
      <label htmlFor="edit-circle-reviewMonths">Review agreements after (months)</label>
      <input {...field('reviewMonths')} inputMode="numeric" autoComplete="off" />
      <p className="muted">
        A new review period is for meetings started from now on; a meeting already open keeps its own.
      </p>
      <label htmlFor="edit-circle-members">Members, one name per line (optional)</label>
      <textarea {...field('members')} rows={5} autoComplete="off" />
      <p className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save'}
        </button>
        <button type="button" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
      </p>
      {problem && (
        <p id="edit-circle-problem" className="status status-error" role="alert">
          {problem.message}
        </p>
      )}
    </form>
  );
}
