/**
 * Routing for the REST contract: finds the operation for a method and a decoded path. Literal
 * segments win over parameters (`/people/me` before `/people/{id}`), and a path that exists with
 * another method is a 405 with the methods that are allowed.
 */
import type { Operation } from './contract.ts';

export type RouteMatch =
  | { kind: 'found'; op: Operation; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allow: string[] }
  | { kind: 'not-found' };

interface CompiledRoute {
  op: Operation;
  /** A literal segment, or null for a parameter. */
  segments: (string | null)[];
  names: string[];
}

const cache = new WeakMap<readonly Operation[], CompiledRoute[]>();

function compile(ops: readonly Operation[]): CompiledRoute[] {
  const routes = ops.map((op) => {
    const parts = op.path.split('/').slice(1);
    return {
      op,
      segments: parts.map((p) => (/^\{\w+\}$/.test(p) ? null : p)),
      names: parts.filter((p) => /^\{\w+\}$/.test(p)).map((p) => p.slice(1, -1)),
    };
  });
  // More literal segments first, and literals before parameters position by position.
  const rank = (r: CompiledRoute) => r.segments.map((s) => (s === null ? '1' : '0')).join('');
  return routes.sort((a, b) => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0));
}

export function matchRoute(ops: readonly Operation[], method: string, segments: readonly string[]): RouteMatch {
  let routes = cache.get(ops);
  if (!routes) cache.set(ops, (routes = compile(ops)));
  const allow: string[] = [];
  for (const route of routes) {
    if (route.segments.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let fits = true;
    let p = 0;
    for (const [i, literal] of route.segments.entries()) {
      const actual = segments[i]!;
      // A blank parameter still routes, so the schema can say which field must not be empty.
      if (literal === null) params[route.names[p++]!] = actual;
      else if (literal !== actual) {
        fits = false;
        break;
      }
    }
    if (!fits) continue;
    if (route.op.http === method) return { kind: 'found', op: route.op, params };
    if (!allow.includes(route.op.http)) allow.push(route.op.http);
  }
  return allow.length ? { kind: 'method-not-allowed', allow } : { kind: 'not-found' };
}
