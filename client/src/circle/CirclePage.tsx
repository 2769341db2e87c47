import { type CircleOverview, circlePath } from '@circlewise/shared/circles';
import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchCircle } from '../net/circleApi';
import { forgetCircle, rememberCircle, replaceCircleKey } from '../net/savedCircles';
import { replaceAddress } from '../routing';
import { AgreementRegister } from './AgreementRegister';
import { BadLink } from './BadLink';
import { CircleSearch } from './CircleSearch';
import { CircleTimeboxes } from './CircleTimeboxes';
import { EditCircle } from './EditCircle';
import { LoadFailed } from './LoadFailed';
import { MeetingList } from './MeetingList';
import { RoleRegister } from './RoleRegister';
import { RotateLink } from './RotateLink';
import { StartCircleMeeting } from './StartCircleMeeting';

type Load =
  | { state: 'loading' }
  | { state: 'refused' }
  | { state: 'error'; message: string }
  | { state: 'ready'; overview: CircleOverview };

/**
 * `/c#<key>`: a circle’s page, opened by its member link (S3): its details (which a member may
 * change), meetings, registers (R3), search.
 */
export function CirclePage({ circleKey }: { circleKey: string }) {
  // The key can change under the page: a rotation replaces it and the page stays on screen.
  const [key, setKey] = useState(circleKey);
  const currentKey = useRef(key);
  currentKey.current = key;
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  /** Loads (or reloads, without a loading screen) the overview; a refusal ends on the S3 page. */
  const fetchOverview = useCallback(async (k: string) => {
    const result = await fetchCircle(k);
    // An answer about a key rotated away meanwhile says nothing about the circle now.
    if (!mounted.current || k !== currentKey.current) return;
    if (result.ok) {
      rememberCircle(k, result.value.circle.name);
      setLoad({ state: 'ready', overview: result.value });
    } else if (result.error.code === 'unknown_circle') {
      // The link opens nothing any more: this browser stops offering it on Home.
      forgetCircle(k);
      setLoad({ state: 'refused' });
    } else {
      setLoad((now) => (now.state === 'ready' ? now : { state: 'error', message: result.error.message }));
    }
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry button's trigger.
  useEffect(() => {
    void fetchOverview(key);
  }, [key, attempt, fetchOverview]);

  if (load.state === 'loading')
    return (
      <p className="loading" role="status">
        Opening the circle…
      </p>
    );
  if (load.state === 'refused') return <BadLink />;
  if (load.state === 'error') {
    return (
      <LoadFailed
        heading="The circle could not be opened"
        message={load.message}
        onRetry={() => {
          setLoad({ state: 'loading' });
          setAttempt((n) => n + 1);
        }}
      />
    );
  }

  const { circle, meetings, agreements, roles } = load.overview;
  return (
    <main className="page circle">
      <nav className="no-print">
        <a href="/">Circlewise</a>
      </nav>
      <header>
        <p className="eyebrow">Circle</p>
        <h1>{circle.name}</h1>
        {circle.aim && <p className="prose">{circle.aim}</p>}
        <p className="muted">
          Agreements are reviewed after {months(circle.reviewMonths)} unless a decision says otherwise.
        </p>
      </header>
      <section className="card" aria-labelledby="members-heading">
        <h2 id="members-heading">Members</h2>
        {circle.members.length === 0 ? (
          <p className="empty">No members listed.</p>
        ) : (
          <ul className="members">
            {circle.members.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        )}
      </section>
      <EditCircle circleKey={key} circle={circle} onChanged={() => void fetchOverview(key)} />
      <CircleTimeboxes circleKey={key} circle={circle} onChanged={() => void fetchOverview(key)} />
      <StartCircleMeeting circleKey={key} />
      <AgreementRegister circleKey={key} agreements={agreements} onChanged={() => void fetchOverview(key)} />
      <RoleRegister circleKey={key} roles={roles} />
      <MeetingList circleKey={key} meetings={meetings} />
      <CircleSearch circleKey={key} />
      <RotateLink
        circleKey={key}
        hasKeeperKey={load.overview.hasKeeperKey}
        onRotated={(newKey) => {
          replaceCircleKey(key, newKey);
          replaceAddress(circlePath(newKey));
          setKey(newKey);
        }}
      />
    </main>
  );
}

function months(n: number): string {
  return n === 1 ? '1 month' : `${n} months`;
}
