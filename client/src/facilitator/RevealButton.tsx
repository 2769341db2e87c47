import { SubmitStatus } from '../components/SubmitStatus';
import { useSubmit } from '../lib/useSubmit';

/** Reveal what a round kept hidden, all at once, and say when it is done. */
export function RevealButton({
  command,
  label,
  recorded,
}: {
  command: 'responses.reveal' | 'nominations.reveal';
  label: string;
  recorded: string;
}) {
  const reveal = useSubmit();
  return (
    <>
      <button
        type="button"
        className="primary"
        disabled={reveal.busy}
        onClick={() => reveal.submit({ type: command })}
      >
        {label}
      </button>
      <SubmitStatus state={reveal.state} recorded={recorded} />
    </>
  );
}
