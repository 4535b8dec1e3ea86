/**
 * Demo sign-in: the request names the person it acts as (`X-Upward-Acting-As`), so one browser
 * can show the program through an admin's, a mentor's and a mentee's eyes. Admin rights come
 * from the seeded directory (people of the configured HR department), never from the request.
 * Off unless `UPWARD_DEMO=1`; the server warns at startup when it is on.
 */
import type { DemoAuthConfig } from '../config.ts';
import type { Authenticator } from './authenticator.ts';
import { singleHeader, toActor } from './credentials.ts';
import type { DirectoryLookup } from './directory.ts';

export const ACTING_AS_HEADER = 'x-upward-acting-as';

export function demoAuthenticator(config: DemoAuthConfig, directory: DirectoryLookup): Authenticator {
  return async ({ headers }) => {
    const personId = singleHeader(headers[ACTING_AS_HEADER])?.trim();
    if (!personId || !toActor(personId, false)) return null;
    const person = await directory.byId(personId);
    return person ? toActor(person.id, person.department === config.adminDepartment) : null;
  };
}
