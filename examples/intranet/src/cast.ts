/**
 * The four people of the sample organisation (examples/portal-sdk/sample-org.csv) that the demo
 * lets you act as, so one browser walks a whole program: HR sets it up, a mentor and a mentee
 * enrol and meet, a champion follows it. On the Upward server, admin rights come from the
 * directory (the People & Culture department), never from this list; locally the host page is
 * the one that says who is an admin, as a real intranet would from its own sign-in.
 */
export type Route = 'home' | 'hr' | 'mentoring' | 'champion';

export interface CastMember {
  key: 'admin' | 'champion' | 'mentor' | 'mentee';
  personId: string;
  name: string;
  title: string;
  isAdmin: boolean;
  /** The page this person starts on after switching to them. */
  home: Route;
}

export const cast: readonly CastMember[] = [
  { key: 'admin', personId: 'E0014', name: 'Isla Wilson', title: 'Head of Talent Acquisition', isAdmin: true, home: 'hr' },
  { key: 'champion', personId: 'E0031', name: 'Ngozi Ogunleye', title: 'VP Data & Analytics', isAdmin: false, home: 'champion' },
  { key: 'mentor', personId: 'E0018', name: 'Rahul Mehta', title: 'Junior Frontend Engineer', isAdmin: false, home: 'mentoring' },
  { key: 'mentee', personId: 'E0149', name: 'Brandon Chen', title: 'VP Marketing', isAdmin: false, home: 'mentoring' },
];

export const adminMember = cast[0]!;

export function castMember(key: string | null | undefined): CastMember {
  return cast.find((m) => m.key === key) ?? adminMember;
}
