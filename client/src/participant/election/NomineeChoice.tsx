import { presentParticipants } from '@circlewise/shared/decision';
import type { ElectionView } from '@circlewise/shared/election';
import type { Seated } from '@circlewise/shared/meeting';
import { useT } from '../../i18n';

/** Radio buttons for a nominee: anyone present (oneself included) or "No one yet". */
export function NomineeChoice({
  view,
  me,
  legend,
  name,
  value,
  onChange,
}: {
  view: Seated<ElectionView>;
  me: string;
  legend: string;
  name: string;
  /** undefined: nothing chosen yet; null: "no one yet". */
  value: string | null | undefined;
  onChange: (nomineeId: string | null) => void;
}) {
  const t = useT('phone');
  return (
    <fieldset className="choices">
      <legend>{legend}</legend>
      {presentParticipants(view).map((p) => (
        <label className="choice" key={p.id}>
          <input type="radio" name={name} checked={value === p.id} onChange={() => onChange(p.id)} />
          {p.id === me ? t('election.myself', { name: p.name }) : p.name}
        </label>
      ))}
      <label className="choice">
        <input type="radio" name={name} checked={value === null} onChange={() => onChange(null)} />
        {t('election.noOne')}
      </label>
    </fieldset>
  );
}
