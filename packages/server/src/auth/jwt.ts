/**
 * OIDC/JWT bearer tokens (Entra ID, Okta, Keycloak, …): the signature is checked against the
 * identity provider's JWKS (fetched and cached by jose, re-fetched when an unknown key id shows
 * up), then issuer, audience and expiry with a small clock tolerance. The person comes from a
 * configurable claim — an id directly, or an email looked up in the directory — and admin rights
 * from a role or group claim.
 */
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { JwtAuthConfig } from '../config.ts';
import type { Authenticator } from './authenticator.ts';
import { BoundedMap } from './bounded-map.ts';
import { singleHeader, toActor } from './credentials.ts';
import type { DirectoryLookup } from './directory.ts';

const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/** Verified tokens kept, so a client's next requests skip the signature check (~1 KB each). */
const MAX_CACHED_TOKENS = 20_000;

export function jwtAuthenticator(config: JwtAuthConfig, directory: DirectoryLookup, keys?: JWTVerifyGetKey): Authenticator {
  const jwks = keys ?? createRemoteJWKSet(new URL(config.jwksUrl), { timeoutDuration: 5000, cooldownDuration: 30_000 });
  // A browser sends the same token with every request until it expires; verifying its signature
  // once is enough (the key is the exact token text, and the entry ends at the token's expiry).
  const verified = new BoundedMap<string, JWTPayload>(MAX_CACHED_TOKENS);

  async function verify(token: string): Promise<JWTPayload | null> {
    const cached = verified.get(token);
    const now = Date.now() / 1000;
    if (cached && typeof cached.exp === 'number' && cached.exp + config.clockToleranceSeconds > now) return cached;
    if (cached) verified.delete(token);
    try {
      const { payload } = await jwtVerify(token, jwks, {
        issuer: config.issuer,
        audience: config.audience,
        clockTolerance: config.clockToleranceSeconds,
        algorithms: ALGORITHMS,
        requiredClaims: ['exp'],
      });
      verified.set(token, payload);
      return payload;
    } catch {
      // Expired, wrong audience, bad signature, unknown key, JWKS unreachable: all "not signed in".
      return null;
    }
  }

  return async ({ headers }) => {
    const authorization = singleHeader(headers.authorization);
    const token = /^Bearer ([A-Za-z0-9_.-]+)$/i.exec(authorization ?? '')?.[1];
    if (!token) return null;
    const payload = await verify(token);
    if (!payload) return null;
    const claim = payload[config.personClaim];
    if (typeof claim !== 'string' || claim === '') return null;
    const roles = payload[config.adminClaim];
    const isAdmin = Array.isArray(roles) ? roles.includes(config.adminValue) : roles === config.adminValue;
    if (config.personClaimIs === 'id') return toActor(claim, isAdmin);
    const person = await directory.byEmail(claim);
    return person ? toActor(person.id, isAdmin) : null;
  };
}
