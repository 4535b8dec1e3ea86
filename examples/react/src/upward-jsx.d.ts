/**
 * JSX types for the Upward elements in React 19. React 19 sets a custom element's known
 * properties as properties (so `client` takes an object) and listens to its events through
 * `on<event-name>` props (`onupward-session-logged`), so each tag gets its class's properties,
 * its attributes and a handler prop per Upward event, typed from `UpwardEventDetails`.
 */
import type { HTMLAttributes, RefAttributes } from 'react';
import type { Upward } from '@upward/sdk';
import type {
  UpwardAgreement,
  UpwardEnrolment,
  UpwardMentorFinder,
  UpwardMyMentoring,
  UpwardProvider,
  UpwardSessionLog,
} from '@upward/elements';

type UpwardEventProps = {
  [K in keyof UpwardEventDetails as `on${K}`]?: (event: CustomEvent<UpwardEventDetails[K]>) => void;
};

type ElementProps<E extends HTMLElement> = Omit<HTMLAttributes<E>, 'children'> &
  RefAttributes<E> &
  UpwardEventProps & { client?: Upward; children?: React.ReactNode };

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'upward-provider': ElementProps<UpwardProvider> & { locale?: string };
      'upward-my-mentoring': ElementProps<UpwardMyMentoring> & { 'inline-session-log'?: boolean };
      'upward-session-log': ElementProps<UpwardSessionLog> & { 'match-id'?: string };
      'upward-agreement': ElementProps<UpwardAgreement> & { 'match-id'?: string };
      'upward-enrolment': ElementProps<UpwardEnrolment> & { 'program-id'?: string };
      'upward-mentor-finder': ElementProps<UpwardMentorFinder> & { 'program-id'?: string };
    }
  }
}
