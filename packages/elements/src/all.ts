/** Registers every Upward element. The one import an intranet page needs. */
import './define/upward-provider.ts';
import './define/program-setup.ts';
import './define/enrolment.ts';
import './define/session-log.ts';
import './define/agreement.ts';
import './define/my-mentoring.ts';
import './define/mentor-finder.ts';
import './define/pairing-board.ts';

export * from './index.ts';
