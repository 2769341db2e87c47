import { useT } from '../i18n';

/** M2, C7: what a phone shows once its person is no longer counted as present. */
export function NotPresentNotice() {
  const t = useT('phone');
  return (
    <main>
      <p className="card" role="alert">
        {t('notPresent')}
      </p>
    </main>
  );
}
