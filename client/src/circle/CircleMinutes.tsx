import { circlePath } from '@circlewise/shared/circles';
import type { MeetingEvent } from '@circlewise/shared/events';
import { useEffect, useState } from 'react';
import { MinutesView } from '../minutes/Minutes';
import type { RolesLoad } from '../minutes/MinutesLog';
import { fetchCircle, fetchCircleEvents } from '../net/circleApi';
import { forgetCircle } from '../net/savedCircles';
import { BadLink } from './BadLink';
import { LoadFailed } from './LoadFailed';

type Load =
  | { state: 'loading' }
  | { state: 'refused' }
  | { state: 'no-meeting' }
  | { state: 'error'; message: string }
  | { state: 'ready'; events: MeetingEvent[]; roles: RolesLoad };

/**
 * `/c/m/<code>#<key>`: a meeting's minutes read with the circle's member key (S3, R1), in the
 * same view as a participant's, with downloads through the circle. An election's roles come from
 * the circle's role register, which holds every role its meetings filled.
 */
export function CircleMinutesScreen({ circleKey, code }: { circleKey: string; code: string }) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry button's trigger.
  useEffect(() => {
    let live = true;
    void (async () => {
      const [events, overview] = await Promise.all([
        fetchCircleEvents(circleKey, code),
        fetchCircle(circleKey),
      ]);
      if (!live) return;
      if (!events.ok) {
        if (events.error.code === 'unknown_circle') {
          forgetCircle(circleKey);
          return setLoad({ state: 'refused' });
        }
        if (events.error.code === 'unknown_meeting') return setLoad({ state: 'no-meeting' });
        return setLoad({ state: 'error', message: events.error.message });
      }
      const roles: RolesLoad = overview.ok
        ? { state: 'ready', roles: overview.value.roles.filter((r) => r.meetingCode === code) }
        : { state: 'error', message: overview.error.message };
      setLoad({ state: 'ready', events: events.value, roles });
    })();
    return () => {
      live = false;
    };
  }, [circleKey, code, attempt]);

  if (load.state === 'loading')
    return (
      <p className="loading" role="status">
        Loading the minutes…
      </p>
    );
  if (load.state === 'refused') return <BadLink />;
  if (load.state === 'no-meeting') {
    return (
      <main className="page narrow">
        <h1>No meeting {code} in this circle</h1>
        <p>This circle holds no meeting with that code. Its meetings are listed on the circle’s page.</p>
        <p>
          <a href={circlePath(circleKey)}>Go to the circle</a>
        </p>
      </main>
    );
  }
  if (load.state === 'error') {
    return (
      <LoadFailed
        heading={`Minutes of meeting ${code}`}
        message={load.message}
        onRetry={() => {
          setLoad({ state: 'loading' });
          setAttempt((n) => n + 1);
        }}
      />
    );
  }
  return (
    <>
      <nav className="page no-print circle-back">
        <a href={circlePath(circleKey)}>← Back to the circle</a>
      </nav>
      <MinutesView events={load.events} roles={load.roles} source={{ code, circleKey }} />
    </>
  );
}
