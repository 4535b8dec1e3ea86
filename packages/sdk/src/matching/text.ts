// Small helpers for reason sentences and case-insensitive comparisons of skills, topics, languages.

/** Canonical key for comparing free-text labels ("Power BI" == "power  bi"). */
export function labelKey(s: string): string {
  return s.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** "A", "A and B", "A, B and C". */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return items.slice(0, -1).join(', ') + ' and ' + items[items.length - 1];
}

export function plural(n: number, one: string, many = one + 's'): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** 210 -> "3 h 30 min". */
export function minutesText(min: number): string {
  const h = Math.floor(min / 60);
  const m = Math.round(min % 60);
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}
