import { useId, useState } from 'react';
import { rotateCircleKey } from '../net/circleApi';
import { KeeperKey } from './KeeperKey';
import { MemberLink } from './MemberLink';

type State =
  | { state: 'idle' }
  | { state: 'confirm' }
  | { state: 'busy' }
  | { state: 'rotated'; keeperKey?: string }
  | { state: 'error'; message: string };

/**
 * The member link and how to replace it (S3). Rotating cuts off everyone who holds the old link
 * at once, members included, so it asks first, needs the circle's keeper key (a member cannot
 * lock the others out), and then says plainly what happened. A circle made before keeper keys
 * (`hasKeeperKey` false) rotates without one and is given its keeper key, shown once.
 */
export function RotateLink({
  circleKey,
  hasKeeperKey,
  onRotated,
}: {
  circleKey: string;
  hasKeeperKey: boolean;
  onRotated: (newKey: string) => void;
}) {
  const [s, setS] = useState<State>({ state: 'idle' });
  const [keeperKey, setKeeperKey] = useState('');
  const keeperId = useId();

  async function rotate() {
    setS({ state: 'busy' });
    const result = await rotateCircleKey(circleKey, hasKeeperKey ? keeperKey.trim() : undefined);
    if (!result.ok) return setS({ state: 'error', message: result.error.message });
    setKeeperKey('');
    onRotated(result.value.memberKey);
    setS({ state: 'rotated', ...(result.value.keeperKey && { keeperKey: result.value.keeperKey }) });
  }

  return (
    <section className="card no-print" aria-labelledby="link-heading">
      <h2 id="link-heading">The member link</h2>
      <MemberLink
        memberKey={circleKey}
        label={s.state === 'rotated' ? 'The new member link' : 'Member link'}
      />
      <div role="status">
        {s.state === 'rotated' && (
          <p className="status status-recorded">
            A new link is made. The old link no longer opens this circle: send the new one to every member.
            This browser now keeps the new one.
          </p>
        )}
      </div>
      {s.state === 'rotated' && s.keeperKey && (
        <>
          <p>This circle had no keeper key yet: here it is. From now on a new link needs it.</p>
          <KeeperKey keeperKey={s.keeperKey} />
        </>
      )}
      {s.state === 'confirm' || s.state === 'busy' ? (
        <div className="refusal">
          <p>
            The current link will stop working at once, for everyone who has it. You will need to send the new
            link to every member. Make a new link?
          </p>
          {hasKeeperKey && (
            <>
              <label htmlFor={keeperId}>The circle’s keeper key</label>
              <input
                id={keeperId}
                value={keeperKey}
                onChange={(e) => setKeeperKey(e.target.value)}
                autoComplete="off"
                spellCheck={false}
              />
              <p className="muted">
                Only the keeper of the circle can make a new link: the key given when the circle was started.
              </p>
            </>
          )}
          <p className="actions">
            <button
              type="button"
              className="danger"
              disabled={s.state === 'busy' || (hasKeeperKey && !keeperKey.trim())}
              onClick={() => void rotate()}
            >
              {s.state === 'busy' ? 'Making a new link…' : 'Yes, make a new link'}
            </button>
            <button type="button" disabled={s.state === 'busy'} onClick={() => setS({ state: 'idle' })}>
              Cancel
            </button>
          </p>
        </div>
      ) : (
        <>
          <p className="muted">
            If the link reached someone it should not have, replace it: the old one stops working.
          </p>
          <button type="button" onClick={() => setS({ state: 'confirm' })}>
            Make a new member link
          </button>
        </>
      )}
      {s.state === 'error' && (
        <p className="status status-error" role="alert">
          Could not make a new link: {s.message}
        </p>
      )}
    </section>
  );
}
