/**
 * The benchmarks' identity provider: a key pair, its JWKS served on loopback, and a signer for
 * bearer tokens, so the server under test checks real JWTs as it would behind Entra ID or Okta.
 */
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';

export const ISSUER = 'https://bench.upward.invalid';
export const AUDIENCE = 'upward-bench';

export async function startIdentityProvider() {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'bench', alg: 'ES256', use: 'sig' };
  const server = createHttpServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
  const sign = (sub: string) =>
    new SignJWT({ sub }).setProtectedHeader({ alg: 'ES256', kid: 'bench' }).setIssuer(ISSUER).setAudience(AUDIENCE).setExpirationTime('2h').sign(privateKey);
  return { jwksUrl, sign, close: () => server.close() };
}
