/** Resolves once `check` holds, polling (events and replays arrive after the call that caused them); fails after `ms`. */
export async function eventually(check: () => boolean | Promise<boolean>, ms = 5_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`still not true after ${ms} ms: ${String(check)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
