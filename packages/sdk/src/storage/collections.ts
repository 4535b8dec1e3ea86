/**
 * The collections Upward stores and the indexes each store adapter must maintain. Adapters are
 * generic: they read this table to create object stores (IndexedDB), tables (PostgreSQL) or
 * maps (memory), and never know what a record means.
 */

export interface IndexDefinition {
  /** A field name, or several for a compound key (`[programId, personId]`). */
  keyPath: string | readonly string[];
  /** For a field holding an array: index every element (a person's matches via `memberIds`). */
  multiEntry?: boolean;
}

export const collections = {
  people: { indexes: { email: { keyPath: 'email' }, managerId: { keyPath: 'managerId' } } },
  programs: { indexes: { phase: { keyPath: 'phase' } } },
  enrolments: {
    indexes: {
      programId: { keyPath: 'programId' },
      personId: { keyPath: 'personId' },
      programPerson: { keyPath: ['programId', 'personId'] },
    },
  },
  matches: {
    indexes: { programId: { keyPath: 'programId' }, memberIds: { keyPath: 'memberIds', multiEntry: true } },
  },
  agreements: { indexes: { matchId: { keyPath: 'matchId' } } },
  sessions: {
    indexes: {
      matchId: { keyPath: 'matchId' },
      programId: { keyPath: 'programId' },
      // A match's planned sessions without its (ever-growing) history: a participant's home reads these.
      matchStatus: { keyPath: ['matchId', 'status'] },
    },
  },
  privateNotes: { indexes: { sessionAuthor: { keyPath: ['sessionId', 'authorId'] } } },
  actionItems: { indexes: { matchId: { keyPath: 'matchId' }, ownerId: { keyPath: 'ownerId' } } },
} as const satisfies Record<string, { indexes: Record<string, IndexDefinition> }>;

export type CollectionName = keyof typeof collections;
export type IndexName<C extends CollectionName> = keyof (typeof collections)[C]['indexes'] & string;

export const collectionNames = Object.keys(collections) as CollectionName[];

/** Reads an index key from a record: a value, a tuple for compound keys, or undefined if absent. */
export function indexKeyOf(record: StoredRecord, index: IndexDefinition): unknown {
  if (typeof index.keyPath === 'string') return record[index.keyPath];
  const parts = index.keyPath.map((p) => record[p]);
  return parts.some((p) => p === undefined || p === null) ? undefined : parts;
}

/** One name for a record across collections (ids are unique within a collection only). */
export const recordKey = (collection: CollectionName, id: string): string => `${collection}/${id}`;

/** What every adapter stores: a JSON object with an id and a version. */
export interface StoredRecord {
  id: string;
  version: number;
  [field: string]: unknown;
}
