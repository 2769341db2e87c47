import { currentVersion, type DecisionView } from '@circlewise/shared/decision';
import { ProposalCard } from '../components/ProposalCard';

/** The current version on a phone, with what changed since the version before marked. */
export function CurrentProposal({ view }: { view: DecisionView }) {
  return (
    <ProposalCard
      version={currentVersion(view)}
      previous={view.versions.length > 1 ? view.versions[view.versions.length - 2] : undefined}
    />
  );
}
