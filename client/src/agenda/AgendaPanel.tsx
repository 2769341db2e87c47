import { ITEM_KIND_LABELS, ITEM_KINDS, type ItemKind } from '@circlewise/shared/constants';
import { nextItem } from '@circlewise/shared/meeting';
import { type FormEvent, useId, useState } from 'react';
import { SubmitStatus } from '../components/SubmitStatus';
import { useSubmit } from '../lib/useSubmit';
import { meetingPath } from '../routing';
import { useMeeting } from '../store/MeetingContext';
import { itemLabel, itemStatus } from './itemStatus';

const ADD_KINDS: Record<ItemKind, string> = {
  ...ITEM_KIND_LABELS,
  round: 'Round (check-in or evaluation)',
};

/**
 * The facilitator's agenda (M1, M3): take up any item, move items, add one live. The meeting's
 * shape (opening round, items, evaluation) is the facilitator's to build here.
 */
export function AgendaPanel() {
  const meeting = useMeeting((s) => s.meeting);
  const { state, submit, busy } = useSubmit();
  if (!meeting) return null;
  const next = nextItem(meeting);
  const closed = meeting.closedAt !== undefined;
  return (
    <section className="card agenda-panel" aria-labelledby="agenda-heading">
      <h2 id="agenda-heading">Agenda</h2>
      <ol className="agenda-list">
        {meeting.items.map((item, i) => {
          const current = item.id === meeting.currentItemId;
          return (
            <li key={item.id} aria-current={current ? 'step' : undefined}>
              <div>
                <span className="agenda-title">{item.title}</span>{' '}
                <span className="muted">
                  {itemLabel(item)} · {itemStatus(meeting, item)}
                </span>
              </div>
              {!closed && (
                <div className="actions compact">
                  {!current && (
                    <button
                      type="button"
                      disabled={busy}
                      onClick={() => submit({ type: 'agenda.open', itemId: item.id })}
                    >
                      Take up<span className="visually-hidden"> {item.title}</span>
                    </button>
                  )}
                  <button
                    type="button"
                    disabled={busy || i === 0}
                    aria-label={`Move ${item.title} up`}
                    onClick={() => submit({ type: 'agenda.move', itemId: item.id, index: i - 1 })}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    disabled={busy || i === meeting.items.length - 1}
                    aria-label={`Move ${item.title} down`}
                    onClick={() => submit({ type: 'agenda.move', itemId: item.id, index: i + 1 })}
                  >
                    ↓
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {!closed && next && (
        <button
          type="button"
          disabled={busy}
          onClick={() => submit({ type: 'agenda.open', itemId: next.id })}
        >
          Next item: {next.title}
        </button>
      )}
      <SubmitStatus state={state} recorded="Agenda updated." />
      {closed && (
        <p className="card callout" role="status">
          The meeting is closed. <a href={meetingPath(meeting.code, 'minutes')}>Read the minutes</a>
        </p>
      )}
      {!closed && <AddItemForm />}
      {!closed && <CloseMeeting />}
    </section>
  );
}

function AddItemForm() {
  const id = useId();
  const [kind, setKind] = useState<ItemKind>('decision');
  const [title, setTitle] = useState('');
  const { state, submit, busy } = useSubmit();
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (await submit({ type: 'agenda.add', kind, title })) setTitle('');
  }
  return (
    <form className="add-item" onSubmit={onSubmit}>
      <h3>Add an item</h3>
      <label htmlFor={`${id}-kind`}>Kind of item</label>
      <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as ItemKind)}>
        {ITEM_KINDS.map((k) => (
          <option key={k} value={k}>
            {ADD_KINDS[k]}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-title`}>Item title</label>
      <input
        id={`${id}-title`}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        placeholder={
          kind === 'round' ? 'Opening round' : kind === 'election' ? 'Facilitator role' : 'What to decide'
        }
      />
      <button type="submit" disabled={busy}>
        Add to the agenda
      </button>
      <SubmitStatus state={state} recorded="Added." />
    </form>
  );
}

function CloseMeeting() {
  const [asking, setAsking] = useState(false);
  const { state, submit, busy } = useSubmit();
  return (
    <div className="close-meeting">
      {asking ? (
        <p>
          Close the meeting? Nobody can join or submit afterwards; unfinished items stay unfinished in the
          minutes.{' '}
          <button type="button" disabled={busy} onClick={() => submit({ type: 'meeting.close' })}>
            Close the meeting
          </button>{' '}
          <button type="button" onClick={() => setAsking(false)}>
            Not yet
          </button>
        </p>
      ) : (
        <button type="button" onClick={() => setAsking(true)}>
          Close the meeting…
        </button>
      )}
      <SubmitStatus state={state} recorded="The meeting is closed." />
    </div>
  );
}
