// "Why (not) this pair?": the score with its reasons when the pair is allowed, otherwise every hard
// rule it breaks.
import type { MatchingContext } from './context.ts';
import { createContext } from './context.ts';
import { checkHardRules } from './rules.ts';
import { scorePair } from './scoring.ts';
import type { Candidate, MatchingRules, PairExplanation } from './types.ts';

export interface ExplainOptions {
  /** The whole candidate list (improves the reporting-chain rule) when no context is given. */
  candidates?: readonly Candidate[];
  /** Reuse a context from buildProblem (faster for many questions). */
  context?: MatchingContext;
  /** Places of this mentor already taken, to report "capacity full". */
  placesTaken?: number;
}

export function explainPair(mentee: Candidate, mentor: Candidate, rules: MatchingRules, options: ExplainOptions = {}): PairExplanation {
  const ctx = options.context ?? createContext(options.candidates ?? [mentee, mentor], rules);
  const violations = checkHardRules(mentee, mentor, ctx, options.placesTaken !== undefined ? { placesTaken: options.placesTaken } : {});
  if (violations.length > 0) return { allowed: false, violations };
  return { allowed: true, ...scorePair(mentee, mentor, ctx) };
}
