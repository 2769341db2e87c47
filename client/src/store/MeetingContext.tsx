/**
 * The React binding of a meeting store: screens read state with `useMeeting(selector)` and act
 * with `useSend()`. Tests provide a prebuilt store and a fake send the same way.
 */
import type { CommandInput } from '@circlewise/shared/commands';
import type { CommandResult, ScreenLinkResult } from '@circlewise/shared/protocol';
import { createContext, type ReactNode, useContext } from 'react';
import { useStore } from 'zustand';
import type { MeetingState, MeetingStore } from './meetingStore';

export type Send = (command: CommandInput) => Promise<CommandResult>;

interface MeetingContextValue {
  store: MeetingStore;
  send: Send;
  /** The console asks for a new screen link (absent in tests and on screens that cannot). */
  screenLink?: () => Promise<ScreenLinkResult>;
}

const MeetingContext = createContext<MeetingContextValue | null>(null);

export function MeetingProvider({
  store,
  send,
  screenLink,
  children,
}: MeetingContextValue & { children: ReactNode }) {
  return (
    <MeetingContext.Provider value={{ store, send, ...(screenLink && { screenLink }) }}>
      {children}
    </MeetingContext.Provider>
  );
}

function useMeetingContext(): MeetingContextValue {
  const value = useContext(MeetingContext);
  if (!value) throw new Error('useMeeting needs a <MeetingProvider> above it.');
  return value;
}

/** Select from the meeting store. Return stored references or primitives, not new objects. */
export function useMeeting<T>(selector: (state: MeetingState) => T): T {
  return useStore(useMeetingContext().store, selector);
}

export function useSend(): Send {
  return useMeetingContext().send;
}

export function useScreenLink(): (() => Promise<ScreenLinkResult>) | undefined {
  return useMeetingContext().screenLink;
}
