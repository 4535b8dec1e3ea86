/**
 * German translations, loaded on demand by @lit/localize when the locale switches to `de`. Each
 * element keeps its messages in its own module under `de/`, merged here.
 */
import { templates as common } from './de/common.ts';
import { templates as programSetup } from './de/program-setup.ts';
import { templates as enrolment } from './de/enrolment.ts';
import { templates as sessionLog } from './de/session-log.ts';
import { templates as agreement } from './de/agreement.ts';
import { templates as myMentoring } from './de/my-mentoring.ts';
import { templates as mentorFinder } from './de/mentor-finder.ts';
import { templates as pairingBoard } from './de/pairing-board.ts';
import { templates as matching } from './de/matching.ts';

export const templates = {
  ...common,
  ...programSetup,
  ...enrolment,
  ...sessionLog,
  ...agreement,
  ...myMentoring,
  ...mentorFinder,
  ...pairingBoard,
  ...matching,
};
