import type { DecisionView } from '@circlewise/shared/decision';
import { useState } from 'react';
import { DiffText } from '../components/DiffText';

/** What changed between two proposal versions, word by word (insertions and deletions marked). */
export function VersionDiff({ view }: { view: DecisionView }) {
  const latest = view.versions[view.versions.length - 1]!;
  const [compareTo, setCompareTo] = useState(Math.max(1, latest.version - 1));
  if (view.versions.length < 2) return null;
  const before = view.versions.find((v) => v.version === compareTo) ?? view.versions[0]!;

  return (
    <section className="card" aria-labelledby="diff-heading">
      <h2 id="diff-heading">Changes in version {latest.version}</h2>
      <label htmlFor="diff-base">Compare with</label>
      <select id="diff-base" value={before.version} onChange={(e) => setCompareTo(Number(e.target.value))}>
        {view.versions.slice(0, -1).map((v) => (
          <option key={v.version} value={v.version}>
            Version {v.version}
          </option>
        ))}
      </select>
      <h3>Driver</h3>
      <Diff before={before.driver} after={latest.driver} />
      <h3>Proposal</h3>
      <Diff before={before.text} after={latest.text} />
      <p className="muted">
        <del>Struck through</del>: removed. <ins>Underlined</ins>: added.
      </p>
    </section>
  );
}

function Diff({ before, after }: { before: string; after: string }) {
  if (before === after) return <p className="muted">No change.</p>;
  return (
    <p className="prose diff">
      <DiffText before={before} after={after} />
    </p>
  );
}
