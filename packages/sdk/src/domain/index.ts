/** The domain: schemas (with their inferred types) and lifecycles. */
export * from './fields.ts';
export * from './person.ts';
export * from './program.ts';
export * from './enrolment.ts';
export * from './match.ts';
export * from './agreement.ts';
export * from './session.ts';
export * from './lifecycle.ts';
