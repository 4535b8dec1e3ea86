/**
 * @upward/elements — the element classes, with no side effects: importing this module registers
 * nothing. Register tags with `@upward/elements/define/<tag>` (one element) or
 * `@upward/elements/all` (every element).
 */
export { UpwardProvider } from './provider/upward-provider.ts';
export { UpwardProgramSetup } from './program-setup/program-setup.ts';
export { UpwardEnrolment } from './enrolment/enrolment.ts';
export { UpwardSessionLog } from './session-log/session-log.ts';
export { UpwardAgreement } from './agreement/agreement.ts';
export { UpwardMyMentoring } from './my-mentoring/my-mentoring.ts';
export { UpwardMentorFinder } from './mentor-finder/mentor-finder.ts';
export { UpwardPairingBoard } from './pairing-board/pairing-board.ts';
export { UpwardElement } from './internal/upward-element.ts';
export { upwardContext } from './internal/context.ts';
export { setUpwardLocale, currentLocale, type UpwardLocale } from './internal/localization.ts';
export type { UpwardEventMap } from './internal/events.ts';
