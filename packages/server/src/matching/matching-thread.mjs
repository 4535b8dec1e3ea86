/**
 * Starts the matching thread: the server runs from TypeScript sources through tsx, whose `--import`
 * hook does not reach worker threads (privatenumber/tsx#354), so the thread registers it itself
 * before loading its TypeScript entry.
 */
import { register } from 'tsx/esm/api';

register();
await import('./matching-thread.ts');
