import { circlePath } from '@circlewise/shared/circles';
import { DEFAULT_REVIEW_MONTHS, LIMITS } from '@circlewise/shared/constants';
import { useRef, useState } from 'react';
import { createCircle } from '../net/circleApi';
import { rememberCircle } from '../net/savedCircles';
import { navigate } from '../routing';
import { type CircleDraft, type CircleField, checkCircle } from './circleForm';
import { KeeperKey } from './KeeperKey';
import { MemberLink } from './MemberLink';

const EMPTY: CircleDraft = { name: '', aim: '', reviewMonths: String(DEFAULT_REVIEW_MONTHS), members: '' };

/** Home's "Start a circle": the form, then the member link the circle is opened with (S3). */
export function StartCircle({ onCreated }: { onCreated: () => void }) {
  const [draft, setDraft] = useState<CircleDraft>(EMPTY);
  const [problem, setProblem] = useState<{ field?: CircleField; message: string }>();
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<{ key: string; keeperKey: string; name: string }>();
  const form = useRef<HTMLFormElement>(null);

  const field = (name: CircleField) => ({
    id: `circle-${name}`,
    value: draft[name],
    'aria-invalid': problem?.field === name || undefined,
    'aria-describedby': problem?.field === name ? 'circle-problem' : undefined,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      setDraft({ ...draft, [name]: e.target.value }),
  });

  async function start(e: React.FormEvent) {
    e.preventDefault();
    const checked = checkCircle(draft);
    if (!checked.ok) {
      setProblem({ field: checked.field, message: checked.message });
      form.current?.querySelector<HTMLElement>(`#circle-${checked.field}`)?.focus();
      return;
    }
    setProblem(undefined);
    setBusy(true);
    const result = await createCircle(checked.request);
    setBusy(false);
    if (!result.ok) return setProblem({ message: result.error.message });
    rememberCircle(result.value.memberKey, checked.request.name);
    setCreated({
      key: result.value.memberKey,
      keeperKey: result.value.keeperKey,
      name: checked.request.name,
    });
    onCreated();
  }

  if (created) {
    return (
      <section className="card" aria-labelledby="circle-created-heading">
        <h2 id="circle-created-heading">“{created.name}” is started</h2>
        <p>Send this link to the circle’s members: it opens the circle’s meetings, minutes and registers.</p>
        <MemberLink memberKey={created.key} label="The circle’s member link" />
        <KeeperKey keeperKey={created.keeperKey} />
        <button type="button" className="primary" onClick={() => navigate(circlePath(created.key))}>
          Open the circle page
        </button>
      </section>
    );
  }

  return (
    <form ref={form} className="card" onSubmit={start} aria-labelledby="start-circle-heading" noValidate>
      <h2 id="start-circle-heading">Start a circle</h2>
      <p className="muted">
        A circle keeps its meetings’ minutes, its agreements and its roles together, opened by one link.
      </p>
      <label htmlFor="circle-name">The circle’s name</label>
      <input {...field('name')} maxLength={LIMITS.title} autoComplete="off" />
      <label htmlFor="circle-aim">Its aim and domain (optional)</label>
      <textarea {...field('aim')} rows={3} maxLength={LIMITS.text} />
      <label htmlFor="circle-reviewMonths">Review agreements after (months)</label>
      <input {...field('reviewMonths')} inputMode="numeric" autoComplete="off" />
      <label htmlFor="circle-members">Members, one name per line (optional)</label>
      <textarea {...field('members')} rows={5} autoComplete="off" />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Starting…' : 'Start a circle'}
      </button>
      {problem && (
        <p id="circle-problem" className="status status-error" role="alert">
          {problem.message}
        </p>
      )}
    </form>
  );
}
