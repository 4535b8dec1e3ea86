/** Reading what people typed: multi-line "one per line" inputs and optional fields. */

/** Non-empty trimmed lines of a textarea ("one per line" inputs). */
export function linesOf(value: unknown): string[] {
  return String(value ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/** A form field's value, or undefined when left empty (so the SDK applies its default). */
export function optionalText(value: FormDataEntryValue | null): string | undefined {
  const s = String(value ?? '').trim();
  return s ? s : undefined;
}
