/**
 * The facilitator's timebox for the current stage (T1): the countdown, and set, extend or clear.
 * The duration is pre-filled with the stage's default; the server makes the deadline from its
 * own clock. Each command names the stage it is for, so a console that has not seen a stage
 * change is refused (`stale_stage`) rather than timing the wrong stage.
 */
import { defaultTimeboxMinutes, TIMEBOX_LIMITS } from '@circlewise/shared/timebox';
import { useId, useState } from 'react';
import { Countdown } from '../components/Countdown';
import { SubmitStatus } from '../components/SubmitStatus';
import { useSubmit } from '../lib/useSubmit';
import { useMeeting } from '../store/MeetingContext';

export function TimeboxPanel() {
  const stage = useMeeting((s) => s.view?.stage);
  const timebox = useMeeting((s) => s.meeting?.timebox);
  // The circle's defaults, as the meeting recorded them when it was made (A7).
  const circleMinutes = useMeeting((s) => s.meeting?.timeboxMinutes);
  if (!stage || stage === 'outcome') return null;
  // Keyed by stage: a new stage starts with its own default and no stale status.
  return (
    <TimeboxForm
      key={stage}
      stage={stage}
      initialMinutes={defaultTimeboxMinutes(stage, circleMinutes)}
      hasTimebox={timebox !== undefined}
    />
  );
}

function TimeboxForm({
  stage,
  initialMinutes,
  hasTimebox,
}: {
  stage: string;
  initialMinutes: number;
  hasTimebox: boolean;
}) {
  const [minutes, setMinutes] = useState(String(initialMinutes));
  const { state, submit, fail, busy } = useSubmit();
  const id = useId();
  const seconds = Math.round(Number(minutes) * 60);

  const send = (type: 'timebox.set' | 'timebox.extend') => {
    if (
      !Number.isFinite(seconds) ||
      seconds < TIMEBOX_LIMITS.minSeconds ||
      seconds > TIMEBOX_LIMITS.maxSeconds
    ) {
      fail(
        `A timebox lasts from ${TIMEBOX_LIMITS.minSeconds} seconds to ${TIMEBOX_LIMITS.maxSeconds / 3600} hours.`,
      );
      return;
    }
    void submit({ type, stage: stage as never, seconds });
  };

  return (
    <section className="card timebox-panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Timebox</h2>
      <Countdown />
      <div className="timebox-row">
        <label htmlFor={`${id}-m`}>Timebox in minutes</label>
        <input
          id={`${id}-m`}
          type="number"
          inputMode="decimal"
          min={1}
          max={240}
          step={0.5}
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
        />
        <button type="button" className="small" disabled={busy} onClick={() => send('timebox.set')}>
          {hasTimebox ? 'Restart timebox' : 'Set timebox'}
        </button>
        {hasTimebox && (
          <>
            <button type="button" className="small" disabled={busy} onClick={() => send('timebox.extend')}>
              Extend
            </button>
            <button
              type="button"
              className="small"
              disabled={busy}
              onClick={() => void submit({ type: 'timebox.clear', stage: stage as never })}
            >
              Clear
            </button>
          </>
        )}
      </div>
      <SubmitStatus state={state} />
    </section>
  );
}
