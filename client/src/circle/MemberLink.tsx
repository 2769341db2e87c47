import { circlePath } from '@circlewise/shared/circles';
import { CopyField } from '../components/CopyField';

/** The whole member link as a member would send it on: this page's origin and /c#<key>. */
export function memberLinkOf(key: string): string {
  return `${window.location.origin}${circlePath(key)}`;
}

/**
 * A circle's member link, ready to copy, with what it means (S3): no accounts, so whoever holds
 * the link reads the records. Phones on a local network often use plain http, where the
 * clipboard API is missing: then the link is selected for copying by hand.
 */
export function MemberLink({ memberKey, label }: { memberKey: string; label: string }) {
  return (
    <div className="member-link">
      <CopyField label={label} value={memberLinkOf(memberKey)} button="Copy the link" what="the link" />
      <p className="refusal">
        <strong>Keep this link:</strong> it is the key to the circle’s records; anyone with it can read them.
      </p>
    </div>
  );
}
