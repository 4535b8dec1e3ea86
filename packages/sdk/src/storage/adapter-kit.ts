/**
 * What a new Store adapter builds on (`@upward/sdk/storage/adapter-kit`): the collections and
 * their indexes, and the rules every adapter applies the same way (version check, change log,
 * IndexedDB key semantics), so a PostgreSQL or any other backend agrees with the built-in stores.
 */
export * from './store-rules.ts';
export { collections, collectionNames, indexKeyOf, type IndexDefinition } from './collections.ts';
