import { currentVersion } from '@circlewise/shared/decision';
import { ProposalCard } from '../components/ProposalCard';
import { useT } from '../i18n';
import type { StageProps } from './stageProps';

export function ProposalStage({ view }: StageProps) {
  const t = useT('phone');
  const version = currentVersion(view);
  const written = Boolean(version.driver || version.text);
  return (
    <>
      <p className="hint">{t('proposalStage.hint')}</p>
      {written ? (
        <ProposalCard version={version} draft />
      ) : (
        <p className="empty">{t('proposalStage.none')}</p>
      )}
    </>
  );
}
