import { currentVersion } from '@circlewise/shared/decision';
import { ProposalCard } from '../components/ProposalCard';
import type { StageProps } from './stageProps';

export function ProposalStage({ view }: StageProps) {
  const version = currentVersion(view);
  const written = Boolean(version.driver || version.text);
  return (
    <>
      <p className="hint">Nothing to do yet: your part starts when the facilitator presents it.</p>
      {written ? <ProposalCard version={version} draft /> : <p className="empty">No proposal written yet.</p>}
    </>
  );
}
