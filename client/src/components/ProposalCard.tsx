import type { ProposalVersion } from '@circlewise/shared/decision';

export function ProposalCard({ version, draft = false }: { version: ProposalVersion; draft?: boolean }) {
  return (
    <article className="card proposal" aria-labelledby="proposal-title">
      <p className="eyebrow">
        {draft ? 'Draft proposal' : 'Proposal'} · version {version.version}
      </p>
      <h2 id="proposal-title">{version.title || 'Untitled proposal'}</h2>
      <h3>Driver</h3>
      <p className="prose">{version.driver || <em>No driver written yet.</em>}</p>
      <h3>Proposal</h3>
      <p className="prose">{version.text || <em>No proposal text yet.</em>}</p>
    </article>
  );
}
