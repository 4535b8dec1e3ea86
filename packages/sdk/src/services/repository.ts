/**
 * A typed view of one store transaction. Every record read back is parsed by its zod schema
 * (a store is a boundary too), and every record written is validated first, so an invalid
 * record can never be stored even if a service has a bug.
 */
import * as z from 'zod/mini';
import { NotFoundError, StaleVersionError, StorageError } from '../errors.ts';
import { ActionItem, Agreement, Enrolment, Match, Person, PrivateNote, Program, Session } from '../domain/index.ts';
import { recordKey, type CollectionName, type IndexName, type StoredRecord } from '../storage/collections.ts';
import type { StoreTransaction } from '../storage/store.ts';
import { entityNames } from './entity-names.ts';

export { entityNames };

export const recordSchemas = {
  people: Person,
  programs: Program,
  enrolments: Enrolment,
  matches: Match,
  agreements: Agreement,
  sessions: Session,
  privateNotes: PrivateNote,
  actionItems: ActionItem,
} as const satisfies Record<CollectionName, z.core.$ZodType>;

export type Entity<C extends CollectionName> = z.infer<(typeof recordSchemas)[C]>;
type NewFields<C extends CollectionName> = Omit<Entity<C>, 'version' | 'createdAt' | 'updatedAt'>;

export class Repository {
  /** `recordKey` of every record written through this repository (see ServiceContext.committing). */
  readonly written = new Set<string>();

  constructor(
    private readonly tx: StoreTransaction,
    private readonly storeKind: string,
    private readonly now: string,
  ) {}

  private read<C extends CollectionName>(collection: C, raw: StoredRecord): Entity<C> {
    const result = z.safeParse(recordSchemas[collection], raw);
    if (!result.success) {
      throw new StorageError(this.storeKind, 'corrupt', `Stored ${entityNames[collection]} "${raw.id}" is not valid.`, {
        cause: result.error,
      });
    }
    return result.data as Entity<C>;
  }

  private check<C extends CollectionName>(collection: C, record: Entity<C>): void {
    const result = z.safeParse(recordSchemas[collection], record);
    if (!result.success) {
      // Inputs are validated before they get here; reaching this means a service bug.
      throw new StorageError(this.storeKind, 'corrupt', `Refusing to store an invalid ${entityNames[collection]}.`, {
        cause: result.error,
      });
    }
  }

  async find<C extends CollectionName>(collection: C, id: string): Promise<Entity<C> | undefined> {
    const raw = await this.tx.get(collection, id);
    return raw ? this.read(collection, raw) : undefined;
  }

  async get<C extends CollectionName>(collection: C, id: string): Promise<Entity<C>> {
    const found = await this.find(collection, id);
    if (!found) throw new NotFoundError(entityNames[collection], id);
    return found;
  }

  async query<C extends CollectionName>(collection: C, index?: IndexName<C>, key?: unknown): Promise<Entity<C>[]> {
    const rows = await this.tx.query(collection, index === undefined ? {} : { index, key });
    return rows.map((raw) => this.read(collection, raw));
  }

  async insert<C extends CollectionName>(collection: C, fields: NewFields<C>): Promise<Entity<C>> {
    const record = { ...fields, version: 1, createdAt: this.now, updatedAt: this.now } as Entity<C>;
    this.check(collection, record);
    await this.tx.put(collection, { ...(record as StoredRecord), version: 0 });
    this.written.add(recordKey(collection, record.id));
    return record;
  }

  /** Writes `changes` over `current`; the store rejects it if `current` is no longer the latest. */
  async update<C extends CollectionName>(collection: C, current: Entity<C>, changes: Partial<Entity<C>>): Promise<Entity<C>> {
    const next = { ...current, ...changes, id: current.id, version: current.version, updatedAt: this.now } as Entity<C>;
    this.check(collection, next);
    const stored = await this.tx.put(collection, next as StoredRecord);
    this.written.add(recordKey(collection, next.id));
    return { ...next, version: stored.version };
  }

  async remove<C extends CollectionName>(collection: C, current: Entity<C>): Promise<void> {
    await this.tx.delete(collection, current.id, current.version);
    this.written.add(recordKey(collection, current.id));
  }
}

/** Rejects a command based on a stale read (the REST layer maps If-Match onto `expectedVersion`). */
export function assertVersion(entity: string, record: { id: string; version: number }, expected: number | undefined): void {
  if (expected !== undefined && expected !== record.version) {
    throw new StaleVersionError(
      entity,
      record.id,
      expected,
      record.version,
      `The ${entity} "${record.id}" was changed by someone else (you had version ${expected}, it is now ${record.version}). Reload and try again.`,
    );
  }
}
