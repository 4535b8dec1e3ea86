/**
 * Seeds an empty database with the sample organisation (`examples/portal-sdk/sample-org.csv`,
 * ~200 people of "Northwind Logistics") through the SDK's own `people.import`, so the demo and a
 * newcomer's first run have a directory to pair from. Does nothing when people already exist.
 */
import { readFile } from 'node:fs/promises';
import { createUpward, type ImportReport, type Store } from '@upward/sdk';
import { repositoryRoot } from '../config.ts';

export const sampleOrgPath = `${repositoryRoot}examples/portal-sdk/sample-org.csv`;

/** The actor that seeds: an admin that is nobody in the directory. */
export const SEED_ACTOR = { personId: 'upward-seed', isAdmin: true } as const;

export async function isDirectoryEmpty(store: Store): Promise<boolean> {
  const some = await store.transaction(['people'], 'readonly', (tx) => tx.query('people', { limit: 1 }));
  return some.length === 0;
}

/** Imports `csvPath` when the directory is empty; returns the import report, or null if it did nothing. */
export async function seedSampleOrg(store: Store, csvPath: string = sampleOrgPath): Promise<ImportReport | null> {
  if (!(await isDirectoryEmpty(store))) return null;
  const data = await readFile(csvPath, 'utf8');
  return createUpward({ store, actor: SEED_ACTOR }).people.import({ format: 'csv', data });
}
