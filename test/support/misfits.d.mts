/** What does not fit at the current width (WCAG 1.4.10); see misfits.mjs. Empty when everything fits. */
export function misfits(root?: ParentNode): string[];
