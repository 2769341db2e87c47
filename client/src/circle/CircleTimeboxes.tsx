/**
 * A circle's default timeboxes (T1): minutes per stage, which every meeting made in the circle
 * afterwards records when it is made (A7) and its console pre-fills. A meeting already open keeps
 * the defaults it was made with.
 */
import type { Circle } from '@circlewise/shared/circles';
import { STAGE_LABELS } from '@circlewise/shared/constants';
import {
  DEFAULT_TIMEBOX_MINUTES,
  defaultTimeboxMinutes,
  TIMEBOX_MINUTES_MAX,
  TIMEBOX_STAGES,
} from '@circlewise/shared/timebox';
import { useState } from 'react';
import { updateCircle } from '../net/circleApi';

const label = (stage: string) =>
  stage === 'open'
    ? 'Rounds (check-in, closing)'
    : (STAGE_LABELS[stage as keyof typeof STAGE_LABELS] ?? stage);

type Status =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved' }
  | { state: 'error'; message: string };

export function CircleTimeboxes({
  circleKey,
  circle,
  onChanged,
}: {
  circleKey: string;
  circle: Circle;
  onChanged: () => void;
}) {
  const [draft, setDraft] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      TIMEBOX_STAGES.map((s) => [s, String(defaultTimeboxMinutes(s, circle.timeboxMinutes))]),
    ),
  );
  const [status, setStatus] = useState<Status>({ state: 'idle' });

  async function save(e: React.FormEvent) {
    e.preventDefault();
    const minutes: Record<string, number> = {};
    for (const stage of TIMEBOX_STAGES) {
      const text = (draft[stage] ?? '').trim();
      const n = Number(text);
      if (!/^\d+$/.test(text) || n < 1 || n > TIMEBOX_MINUTES_MAX) {
        setStatus({
          state: 'error',
          message: `${label(stage)}: a timebox is a whole number of minutes, from 1 to ${TIMEBOX_MINUTES_MAX}.`,
        });
        return;
      }
      minutes[stage] = n;
    }
    setStatus({ state: 'saving' });
    const result = await updateCircle(circleKey, { timeboxMinutes: minutes });
    if (!result.ok) {
      setStatus({ state: 'error', message: `Could not save: ${result.error.message}` });
      if (result.error.code === 'unknown_circle') onChanged();
      return;
    }
    setStatus({ state: 'saved' });
    onChanged();
  }

  const busy = status.state === 'saving';
  return (
    <section className="card no-print" aria-labelledby="circle-timeboxes-heading">
      <h2 id="circle-timeboxes-heading">Default timeboxes</h2>
      <form onSubmit={save} aria-label="Default timeboxes" noValidate>
        <p className="muted">
          Minutes the facilitator’s console suggests for each stage. New meetings take them up; a meeting
          already open keeps its own.
        </p>
        <div className="timebox-defaults">
          {TIMEBOX_STAGES.map((stage) => (
            <p key={stage}>
              <label htmlFor={`circle-timebox-${stage}`}>{label(stage)}</label>
              <input
                id={`circle-timebox-${stage}`}
                inputMode="numeric"
                autoComplete="off"
                disabled={busy}
                value={draft[stage] ?? ''}
                placeholder={String(DEFAULT_TIMEBOX_MINUTES[stage] ?? 5)}
                onChange={(e) => {
                  setDraft({ ...draft, [stage]: e.target.value });
                  if (status.state !== 'idle') setStatus({ state: 'idle' });
                }}
              />
            </p>
          ))}
        </div>
        <p className="actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Saving…' : 'Save the timeboxes'}
          </button>
        </p>
        {status.state === 'error' ? (
          <p className="status status-error" role="alert">
            {status.message}
          </p>
        ) : (
          <p className="status status-recorded" role="status">
            {status.state === 'saved' ? 'Saved.' : ''}
          </p>
        )}
      </form>
    </section>
  );
}
