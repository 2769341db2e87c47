import { type ReactNode, useState } from 'react';
import { FacilitatorKeyForm } from '../components/FacilitatorKeyForm';
import { MeetingGate } from '../components/MeetingGate';
import { loadFacilitatorKey, loadParticipant, saveFacilitatorKey } from '../net/identity';
import { useMeetingConnection } from '../net/useMeetingConnection';
import { MeetingProvider } from '../store/MeetingContext';

/**
 * Console and projector both connect with the facilitator key kept in this browser (S1), or,
 * on a phone that took part, with its participant token: whoever was handed facilitation (M4)
 * facilitates from here.
 */
export function FacilitatorScreen({ code, children }: { code: string; children: ReactNode }) {
  const [key, setKey] = useState(() => loadFacilitatorKey(code) ?? loadParticipant(code)?.token);
  const connection = useMeetingConnection(key ? { code, token: key } : undefined);

  if (!key) {
    return (
      <FacilitatorKeyForm
        code={code}
        onKey={(k) => {
          saveFacilitatorKey(code, k);
          setKey(k);
        }}
      />
    );
  }
  if (!connection) return <p className="loading">Connecting…</p>;
  return (
    <MeetingProvider store={connection.store} send={connection.send} screenLink={connection.screenLink}>
      <MeetingGate code={code} onReset={{ label: 'Enter another key', run: () => setKey(undefined) }}>
        {children}
      </MeetingGate>
    </MeetingProvider>
  );
}
