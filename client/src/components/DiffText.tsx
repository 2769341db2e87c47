import { wordDiff } from '../lib/wordDiff';

/** A text with what changed from `before` marked word by word: added underlined, removed struck. */
export function DiffText({ before, after }: { before: string; after: string }) {
  return (
    <>
      {wordDiff(before, after).map((part, i) =>
        part.kind === 'added' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts have no identity beyond their order.
          <ins key={i}>{part.text}</ins>
        ) : part.kind === 'removed' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above.
          <del key={i}>{part.text}</del>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above.
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  );
}
