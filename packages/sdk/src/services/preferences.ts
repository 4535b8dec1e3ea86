/**
 * Checks of a mentee's ranked preferences, wherever they are stated: when enrolling, when editing
 * the enrolment, and when ranking mentors in self mode.
 */
import type { FieldIssue } from '../errors.ts';
import type { Repository } from './repository.ts';

/** Ranked people must exist and not include the person themselves. */
export async function preferenceIssues(repo: Repository, personId: string, preferences: readonly string[], path: string): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  for (const [i, id] of preferences.entries()) {
    if (id === personId) issues.push({ path: `${path}.${i}`, message: 'cannot rank yourself', code: 'self_reference' });
    else if (!(await repo.find('people', id))) issues.push({ path: `${path}.${i}`, message: `no person with id "${id}"`, code: 'not_found' });
  }
  return issues;
}
