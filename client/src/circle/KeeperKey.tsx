import { CopyField } from '../components/CopyField';

/**
 * The circle's keeper key, shown once (issue 11 §6): it is needed, with the member link, to make a
 * new member link, and the server keeps only its hash, so it cannot be shown again. Copied like
 * the member link; where the clipboard API is missing (plain http) it is selected for copying.
 */
export function KeeperKey({ keeperKey }: { keeperKey: string }) {
  return (
    <div className="member-link">
      <CopyField label="The keeper key" value={keeperKey} button="Copy the keeper key" what="the key" />
      <p className="refusal">
        <strong>Keep this key, and do not send it to the members:</strong> it is shown only now. Whoever looks
        after the circle needs it to make a new member link if the link reaches someone it should not.
      </p>
    </div>
  );
}
