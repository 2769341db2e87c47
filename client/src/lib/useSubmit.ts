/**
 * One submission from a screen: makes the commandId, checks the command against the shared
 * schema first (so a missing reason shows the same C4 message before anything is sent), then
 * tracks it: sending → recorded, or the server's refusal in words. Never silent.
 */
import { type CommandInput, commandSchema } from '@circlewise/shared/commands';
import { useCallback, useEffect, useRef, useState } from 'react';
import { v4 as uuidv4 } from 'uuid';
import { useSend } from '../store/MeetingContext';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type CommandDraft = DistributiveOmit<CommandInput, 'commandId'>;

export type SubmitState =
  | { status: 'idle' }
  | { status: 'sending' }
  | { status: 'recorded' }
  | { status: 'error'; message: string };

export function checkCommand(command: CommandInput): string | undefined {
  const parsed = commandSchema.safeParse(command);
  return parsed.success ? undefined : (parsed.error.issues[0]?.message ?? 'This cannot be sent as it is.');
}

export function useSubmit() {
  const send = useSend();
  const [state, setState] = useState<SubmitState>({ status: 'idle' });
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const submit = useCallback(
    async (draft: CommandDraft): Promise<boolean> => {
      const command = { ...draft, commandId: uuidv4() } as CommandInput;
      const problem = checkCommand(command);
      if (problem) {
        setState({ status: 'error', message: problem });
        return false;
      }
      setState({ status: 'sending' });
      const result = await send(command);
      if (mounted.current) {
        setState(result.ok ? { status: 'recorded' } : { status: 'error', message: result.error.message });
      }
      return result.ok;
    },
    [send],
  );

  const reset = useCallback(() => setState({ status: 'idle' }), []);
  /** Refuse before sending, with a message in words (a rule the schema cannot see). */
  const fail = useCallback((message: string) => setState({ status: 'error', message }), []);
  return { state, submit, reset, fail, busy: state.status === 'sending' };
}
