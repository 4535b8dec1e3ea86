/**
 * A broken pairing rule in the reader's language (see said-from-details.ts). Apart from the other
 * explanations because every form can show one (a field issue `broken_rule`), while reasons and
 * left-out mentees appear only on the matching elements.
 */
import { msg, str } from '@lit/localize';
import type { RuleDetails, RuleId } from '@upward/sdk';
import { isNumber, isRole, isText, isTexts, languages, n, pair, position, say, type Sayers } from './said-from-details.ts';

/** A broken rule as it arrives (`message` is its English). */
export interface ViolationLike {
  rule: string;
  message: string;
  details?: unknown;
}

const ruleSayers: Sayers<RuleId, RuleDetails> = {
  'same-person': {
    fits: (d) => isText(d.person),
    say: ({ person }) => msg(str`${person} cannot mentor themselves.`, { id: 'matching.rule.same-person' }),
  },
  role: {
    fits: (d) => isText(d.person) && isRole(d.role),
    say: ({ person, role }) =>
      role === 'mentor'
        ? msg(str`${person} is not an approved mentor of this program.`, { id: 'matching.rule.role.mentor' })
        : msg(str`${person} is not an approved mentee of this program.`, { id: 'matching.rule.role.mentee' }),
  },
  'level-limit': {
    fits: (d) => isText(d.person) && isRole(d.role) && isNumber(d.level) && isNumber(d.limit),
    say: ({ person, role, level, limit }) =>
      role === 'mentor'
        ? msg(str`${person} is level ${n(level)}; mentors in this program are at most level ${n(limit)}.`, { id: 'matching.rule.level-limit.mentor' })
        : msg(str`${person} is level ${n(level)}; mentees in this program are at least level ${n(limit)}.`, { id: 'matching.rule.level-limit.mentee' }),
  },
  'level-gap': {
    fits: (d) => pair(d) && isNumber(d.gap) && isNumber(d.min) && isNumber(d.max),
    say: ({ mentee, mentor, gap, min, max }) => {
      const band =
        min !== max
          ? msg(str`the mentor must be ${n(min)} to ${n(max)} levels junior`, { id: 'matching.rule.level-gap.range' })
          : min === 0
            ? msg('the mentor must be at the same level', { id: 'matching.rule.level-gap.same' })
            : min === 1
              ? msg('the mentor must be exactly one level junior', { id: 'matching.rule.level-gap.exactly-one' })
              : msg(str`the mentor must be exactly ${n(min)} levels junior`, { id: 'matching.rule.level-gap.exactly' });
      return msg(str`${position(mentor, mentee, gap)}; ${band}.`, { id: 'matching.rule.level-gap' });
    },
  },
  'reporting-chain': {
    fits: (d) => isText(d.above) && isText(d.below) && isNumber(d.distance),
    say: ({ above, below, distance }) => {
      if (distance === 1) return msg(str`${above} is the direct manager of ${below}; mentors and mentees must not share a reporting chain.`, { id: 'matching.rule.reporting-chain.direct' });
      if (distance === 2) return msg(str`${above} is the skip-level manager of ${below}; mentors and mentees must not share a reporting chain.`, { id: 'matching.rule.reporting-chain.skip' });
      return msg(str`${above} is in the management line above ${below}; mentors and mentees must not share a reporting chain.`, { id: 'matching.rule.reporting-chain.higher' });
    },
  },
  'previous-pair': {
    fits: pair,
    say: ({ mentee, mentor }) => msg(str`${mentee} and ${mentor} were already matched in this program.`, { id: 'matching.rule.previous-pair' }),
  },
  excluded: {
    fits: pair,
    say: ({ mentee, mentor }) => msg(str`An admin excluded the pair ${mentee} and ${mentor}.`, { id: 'matching.rule.excluded' }),
  },
  'shared-language': {
    fits: (d) => pair(d) && isTexts(d.menteeLanguages) && isTexts(d.mentorLanguages),
    say: ({ mentee, mentor, menteeLanguages, mentorLanguages }) => {
      const spoken = (codes: string[]) => (codes.length ? languages(codes) : msg('no language given', { id: 'matching.rule.no-language' }));
      return msg(str`${mentee} (${spoken(menteeLanguages)}) and ${mentor} (${spoken(mentorLanguages)}) share no language.`, { id: 'matching.rule.shared-language' });
    },
  },
  'cross-department': {
    fits: (d) => pair(d) && isText(d.department),
    say: ({ mentee, mentor, department }) =>
      msg(str`${mentee} and ${mentor} both work in ${department}; this program pairs people across departments.`, { id: 'matching.rule.cross-department' }),
  },
  'capacity-full': {
    fits: (d) => isText(d.mentor) && isNumber(d.capacity),
    say: ({ mentor, capacity }) => {
      if (capacity <= 0) return msg(str`${mentor} has no free place.`, { id: 'matching.rule.capacity.none' });
      return capacity === 1
        ? msg(str`${mentor}'s only place is taken.`, { id: 'matching.rule.capacity.one' })
        : msg(str`All ${n(capacity)} of ${mentor}'s places are taken.`, { id: 'matching.rule.capacity.all' });
    },
  },
};

/** A broken pairing rule in the current locale (its English `message` where it cannot be said from details). */
export function sayViolation(violation: ViolationLike): string {
  return say(ruleSayers, violation.rule, violation.details, violation.message);
}
