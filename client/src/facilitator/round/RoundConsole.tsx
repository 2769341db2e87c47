import type { Seated } from '@circlewise/shared/meeting';
import { notYetSpoken, type RoundView, roundPresent } from '@circlewise/shared/round';
import { ConnectionBanner } from '../../components/ConnectionBanner';
import { RoundEntries } from '../../components/RoundEntries';
import { SubmitStatus } from '../../components/SubmitStatus';
import { TurnLine } from '../../components/TurnLine';
import { formatTime } from '../../lib/names';
import { useSubmit } from '../../lib/useSubmit';
import { useMeeting } from '../../store/MeetingContext';
import { ConsoleHeader } from '../ConsoleHeader';
import { Controls } from '../Controls';
import { MeetingPanels } from '../MeetingPanels';
import { PeoplePanel } from '../PeoplePanel';
import { TimeboxPanel } from '../TimeboxPanel';
import { RoundOrder } from './RoundOrder';

/** The facilitator's laptop during a round (M3): what was said, who has not spoken, and the close. */
export function RoundConsole({ view }: { view: Seated<RoundView> }) {
  const closed = view.stage === 'outcome';
  const present = roundPresent(view);
  return (
    <div className="page console">
      <ConnectionBanner />
      <ConsoleHeader
        eyebrow={`Facilitating a round · ${closed ? 'Closed' : 'Open'}`}
        title={view.title || 'Round'}
        code={view.code}
      />
      <div className="columns">
        <main className="column" id="current-stage" tabIndex={-1}>
          <Controls>
            <TimeboxPanel />
            {closed ? (
              <p className="card" role="status">
                The round is closed{view.closedAt !== undefined && ` (${formatTime(view.closedAt)})`}. What
                was said is on the record.
              </p>
            ) : (
              <>
                <TurnLine view={view} />
                <CloseRound view={view} />
                <RoundOrder view={view} />
              </>
            )}
            <section className="card" aria-labelledby="round-entries">
              <h2 id="round-entries">What was said</h2>
              <p className="counts">
                {view.entries.length} spoke · {present.length} present
              </p>
              <RoundEntries view={view} />
            </section>
          </Controls>
        </main>
        <aside className="column">
          <MeetingPanels />
          <NotYetSpoken view={view} />
          <PeoplePanel view={view} />
        </aside>
      </div>
    </div>
  );
}

/** Closing is the facilitator's call: passing is allowed, so it does not wait for everyone. */
function CloseRound({ view }: { view: Seated<RoundView> }) {
  const { state, submit, busy } = useSubmit();
  const waiting = notYetSpoken(view);
  return (
    <section className="card" aria-labelledby="round-close">
      <h2 id="round-close">Each person speaks once, in turn</h2>
      <p className="hint">
        {waiting.length === 0
          ? 'Everyone present has spoken.'
          : `Not spoken yet: ${waiting.map((p) => p.name).join(', ')}. Invite them, or close the round; the minutes say who did not speak.`}
      </p>
      <button
        type="button"
        className="primary"
        disabled={busy}
        onClick={() => submit({ type: 'round.close' })}
      >
        Close the round
      </button>
      <SubmitStatus state={state} recorded="The round is closed." />
    </section>
  );
}

function NotYetSpoken({ view }: { view: Seated<RoundView> }) {
  const online = useMeeting((s) => s.online);
  const waiting = notYetSpoken(view);
  const closed = view.stage === 'outcome';
  return (
    <section className="card" aria-labelledby="round-waiting">
      <h2 id="round-waiting">{closed ? 'Did not speak' : 'Not spoken yet'}</h2>
      {waiting.length === 0 ? (
        <p className="empty">
          {roundPresent(view).length === 0 ? 'Nobody is present.' : 'Everyone present has spoken.'}
        </p>
      ) : (
        <ul className="list people">
          {waiting.map((p) => (
            <li key={p.id} className="person">
              <span className={`dot ${online[p.id] ? 'dot-online' : 'dot-offline'}`} aria-hidden="true" />
              <span className="person-name">
                {p.name} <span className="visually-hidden">{online[p.id] ? '(online)' : '(offline)'}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
