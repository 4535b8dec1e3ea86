/**
 * The base of elements that run commands on the data they show (the session log, the agreement,
 * one's mentoring overview): one command at a time, its error kept for the form or item that ran
 * it, the data reloaded after it, and success announced only once the SDK resolved. A failure
 * that means the screen is out of date (someone changed the data meanwhile) reloads it too, as
 * the error message promises.
 */
import { state } from 'lit/decorators.js';
import { UpwardElement } from './upward-element.ts';
import { STALE, describeError, type DescribedError } from './errors.ts';
import { scopeError } from './fields.ts';
import { ERROR_SUMMARY, focusAfterRender } from './focus.ts';

/** A failed command: `op` names the form or item that shows `error`. */
export interface CommandFailure {
  op: string;
  error: DescribedError;
}

export abstract class CommandElement extends UpwardElement {
  /** The running command's `op`, '' when none runs; controls are disabled meanwhile. */
  @state() protected busy = '';
  @state() protected failure?: CommandFailure;
  /** What the polite live region says once a command succeeded. */
  @state() protected announcement = '';

  /** What the element shows, reloaded after every command. */
  protected abstract readonly data: { run(): Promise<unknown> };

  /**
   * Runs `command` unless another one runs; `done` turns its result into the announcement.
   * `fieldPrefix` scopes the error's field paths, so two forms on one element never share ids.
   * Resolves whether the command succeeded; on failure, focus moves to the error summary.
   */
  protected async run<T>(op: string, command: () => Promise<T>, done: (result: T) => string | Promise<string>, fieldPrefix = ''): Promise<boolean> {
    if (this.busy) return false;
    this.busy = op;
    this.failure = undefined;
    this.announcement = '';
    try {
      const result = await command();
      await this.data.run();
      this.announcement = await done(result);
      return true;
    } catch (error) {
      const described = describeError(error);
      this.failure = { op, error: fieldPrefix ? scopeError(described, fieldPrefix) : described };
      this.reportError(op, error);
      if (STALE.has(described.code)) void this.data.run();
      await focusAfterRender(this, ERROR_SUMMARY);
      return false;
    } finally {
      this.busy = '';
    }
  }

  /** The last failure if the command `op` ran it. */
  protected errorFor(op: string): DescribedError | undefined {
    return this.failure?.op === op ? this.failure.error : undefined;
  }

  /** Errors and messages belong to the person who ran the command (subclasses call `super`). */
  protected override clientChanged(): void {
    this.failure = undefined;
    this.announcement = '';
  }
}
