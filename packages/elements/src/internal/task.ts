/**
 * Data tasks of the elements. `DataTask` is a `@lit/task` Task whose value belongs to what it was
 * loaded for: its arguments except the last one, the revision. A new revision (data changed
 * somewhere) keeps the previous value on screen while reloading, so nothing flickers, and also
 * when that reload fails (`refreshFailed`: the element says so above it); a new client (another
 * person signed in) or another program or match hides it at once, so nobody ever sees, or acts
 * on, what was loaded for someone or something else.
 */
import { type ReactiveControllerHost } from 'lit';
import { Task, TaskStatus, type TaskConfig } from '@lit/task';

const sameScope = (a: readonly unknown[], b: readonly unknown[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

export class DataTask<A extends readonly unknown[], R> extends Task<A, R> {
  private loadedFor?: readonly unknown[];
  /** The last value loaded without error, and what it was loaded for (Task forgets it on an error). */
  private lastGood?: { value: R; scope: readonly unknown[] };
  private readonly scope: () => readonly unknown[];

  /** `scope` overrides what the value belongs to (by default: every argument but the revision). */
  constructor(host: ReactiveControllerHost, config: TaskConfig<A, R> & { args: () => A; scope?: () => readonly unknown[] }) {
    let calls = 0;
    super(host, {
      ...config,
      task: async (args, options) => {
        const call = ++calls;
        const scope = this.scope();
        try {
          const value = await config.task(args, options);
          if (call === calls && typeof value !== 'symbol') this.lastGood = { value: value as R, scope };
          return value;
        } finally {
          // Only the latest run's value is kept by Task, so only it says what the value is for.
          if (call === calls) this.loadedFor = scope;
        }
      },
    });
    this.scope = config.scope ?? (() => config.args().slice(0, -1));
  }

  /**
   * The loaded value, or undefined while it belongs to another client, program or match. After a
   * failed reload, the value loaded before it (for the same scope), as the last known state.
   */
  override get value(): R | undefined {
    if (this.refreshFailed) return this.lastGood!.value;
    return this.loadedFor && sameScope(this.loadedFor, this.scope()) ? super.value : undefined;
  }

  /** The latest load failed, but an earlier one for the same client, program or match succeeded. */
  get refreshFailed(): boolean {
    return this.status === TaskStatus.ERROR && this.lastGood !== undefined && sameScope(this.lastGood.scope, this.scope());
  }
}
