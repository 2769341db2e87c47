import { useState } from 'react';
import { JoinForm } from '../components/JoinForm';
import { MeetingGate } from '../components/MeetingGate';
import { useT } from '../i18n';
import { LanguageMenu } from '../i18n/LanguageMenu';
import { forgetParticipant, loadParticipant, saveParticipant } from '../net/identity';
import { useMeetingConnection } from '../net/useMeetingConnection';
import { ParticipantView } from '../participant/ParticipantView';
import { MeetingProvider } from '../store/MeetingContext';

export function ParticipantScreen({ code }: { code: string }) {
  const t = useT('phone');
  const [identity, setIdentity] = useState(() => loadParticipant(code));
  const connection = useMeetingConnection(identity && { code, ...identity });

  if (!identity) {
    return (
      <main className="page narrow">
        <h1>{t('meeting', { code })}</h1>
        <JoinForm askCode={false} onJoin={(_code, name) => setIdentity(saveParticipant(code, name))} />
        <LanguageMenu />
      </main>
    );
  }
  if (!connection) return <p className="loading">{t('connecting')}</p>;
  return (
    <MeetingProvider store={connection.store} send={connection.send}>
      <MeetingGate
        code={code}
        onReset={{
          label: t('joinAgain'),
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
