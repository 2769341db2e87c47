import { useState } from 'react';
import { JoinForm } from '../components/JoinForm';
import { MeetingGate } from '../components/MeetingGate';
import { forgetParticipant, loadParticipant, saveParticipant } from '../net/identity';
import { useMeetingConnection } from '../net/useMeetingConnection';
import { ParticipantView } from '../participant/ParticipantView';
import { MeetingProvider } from '../store/MeetingContext';

export function ParticipantScreen({ code }: { code: string }) {
  const [identity, setIdentity] = useState(() => loadParticipant(code));
  const connection = useMeetingConnection(identity && { code, ...identity });

  if (!identity) {
    return (
      <div className="page narrow">
        <h1>Meeting {code}</h1>
        <JoinForm askCode={false} onJoin={(_code, name) => setIdentity(saveParticipant(code, name))} />
      </div>
    );
  }
  if (!connection) return <p className="loading">Connecting…</p>;
  return (
    <MeetingProvider store={connection.store} send={connection.send}>
      <MeetingGate
        code={code}
        onReset={{
          label: 'Join with my name again',
          run: () => {
            forgetParticipant(code);
            setIdentity(undefined);
          },
        }}
      >
        <ParticipantView />
      </MeetingGate>
    </MeetingProvider>
  );
}
