// UTC offsets of IANA time zones at a given instant, through Intl (available in browsers, Workers
// and Node), cached per zone and instant. Unknown zones count as UTC so scoring never throws.

const cache = new Map<string, number | null>();

/** Offset from UTC in minutes (Paris in winter = +60), or null for an unknown zone. */
export function utcOffsetMinutes(timeZone: string, at: number): number | null {
  const key = timeZone + '@' + Math.floor(at / 3_600_000);
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  let result: number | null = null;
  try {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    }).formatToParts(new Date(at));
    const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value ?? 0);
    const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
    result = Math.round((asUtc - Math.floor(at / 1000) * 1000) / 60_000);
  } catch {
    result = null;
  }
  if (cache.size > 10_000) cache.clear();
  cache.set(key, result);
  return result;
}

/** Hours between two zones on the 24 h clock (0..12). */
export function zoneDistanceHours(a: string, b: string, at: number): number {
  if (a === b) return 0;
  return offsetDistanceHours(utcOffsetMinutes(a, at) ?? 0, utcOffsetMinutes(b, at) ?? 0);
}

/** Hours between two UTC offsets (minutes) on the 24 h clock (0..12). */
export function offsetDistanceHours(oa: number, ob: number): number {
  let d = Math.abs(oa - ob) % 1440;
  if (d > 720) d = 1440 - d;
  return d / 60;
}
