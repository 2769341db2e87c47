import type { ProposalVersion } from '@circlewise/shared/decision';
import { useT } from '../i18n';
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
  const t = useT('common');
  const changed =
    previous !== undefined && (previous.driver !== version.driver || previous.text !== version.text);
  return (
    <article className="card proposal" aria-labelledby="proposal-title">
      <p className="eyebrow">
        {t(draft ? 'proposal.draft' : 'proposal.current', { version: version.version })}
      </p>
      <h2 id="proposal-title">{version.title || t('proposal.untitled')}</h2>
      {changed && (
        <p className="changed-note">
          {t('proposal.changedSince', { version: previous.version })} <ins>{t('proposal.added')}</ins>,{' '}
          <del>{t('proposal.removed')}</del>.
        </p>
      )}
      <h3>{t('proposal.driver')}</h3>
      <p className="prose diff">
        {changed ? (
          <DiffText before={previous.driver} after={version.driver} />
        ) : (
          version.driver || <em>{t('proposal.noDriver')}</em>
        )}
      </p>
      <h3>{t('proposal.proposal')}</h3>
      <p className="prose diff">
        {changed ? (
          <DiffText before={previous.text} after={version.text} />
        ) : (
          version.text || <em>{t('proposal.noText')}</em>
        )}
      </p>
    </article>
  );
}
