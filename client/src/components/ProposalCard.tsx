import type { ProposalVersion } from '@circlewise/shared/decision';
import { DiffText } from './DiffText';

/**
 * The proposal. Given the version before (`previous`), an amendment shows what changed, word by
 * word, in place (issue 10 §7): the phone need not compare two versions from memory.
 */
export function ProposalCard({
  version,
  draft = false,
  previous,
}: {
  version: ProposalVersion;
  draft?: boolean;
  previous?: ProposalVersion | undefined;
}) {
  const changed =
    previous !== undefined && (previous.driver !== version.driver || previous.text !== version.text);
  return (
    <article className="card proposal" aria-labelledby="proposal-title">
      <p className="eyebrow">
        {draft ? 'Draft proposal' : 'Proposal'} · version {version.version}
      </p>
      <h2 id="proposal-title">{version.title || 'Untitled proposal'}</h2>
      {changed && (
        <p className="changed-note">
          Changed since version {previous.version}: <ins>added</ins>, <del>removed</del>.
        </p>
      )}
      <h3>Driver</h3>
      <p className="prose diff">
        {changed ? (
          <DiffText before={previous.driver} after={version.driver} />
        ) : (
          version.driver || <em>No driver written yet.</em>
        )}
      </p>
      <h3>Proposal</h3>
      <p className="prose diff">
        {changed ? (
          <DiffText before={previous.text} after={version.text} />
        ) : (
          version.text || <em>No proposal text yet.</em>
        )}
      </p>
    </article>
  );
}
