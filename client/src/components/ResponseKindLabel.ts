// The labels live in shared/ since the server's minutes export reads them too.
export { OBJECTION_STATUS_LABELS, objectionStatusText, RESPONSE_LABELS } from '@circlewise/shared/constants';
