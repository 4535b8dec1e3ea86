/** German messages shared by every element (errors, loading and empty states, provider). */
export const templates = {
  'common.error.validation': 'Bitte korrigieren Sie die unten markierten Felder.',
  'common.error.forbidden': 'Dazu sind Sie nicht berechtigt.',
  'common.error.not-found': 'Dieser Eintrag existiert nicht mehr; er wurde möglicherweise entfernt.',
  'common.error.conflict': 'Jemand hat dies inzwischen geändert. Die neueste Fassung wird angezeigt; bitte versuchen Sie es erneut.',
  'common.error.invalid-transition': 'Dieser Schritt ist im aktuellen Zustand nicht möglich.',
  'common.error.storage': 'Ihre Änderung konnte nicht gespeichert werden. Bitte versuchen Sie es erneut.',
  'common.error.network': 'Keine Verbindung zum Server. Bitte versuchen Sie es erneut.',
  'common.error.unauthenticated': 'Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an.',
  'common.error.unknown': 'Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.',
  'common.loading': 'Wird geladen …',
  'common.no-client': 'Nicht verbunden: Diese Komponente braucht einen Upward-Client (über <upward-provider> oder die Eigenschaft „client“).',
  'common.retry': 'Erneut versuchen',
  'common.saving': 'Wird gespeichert …',
  'common.mode.in-person': 'Persönlich',
  'common.mode.video': 'Videoanruf',
  'common.mode.phone': 'Telefonat',
};
