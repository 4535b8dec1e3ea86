/**
 * Sign-in, each way the server supports, against the real server: OIDC/JWT bearer tokens checked
 * against a JWKS served over HTTP by a tiny local identity provider (jose key pair), the SSO
 * proxy's header (believed only from a trusted peer), and demo mode. Plus configuration parsing.
 */
import { after, before, describe, it } from 'node:test';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import { SignJWT, exportJWK, generateKeyPair, type JWK } from 'jose';
import { ConfigError, configFromEnv, type UpwardServer } from '../src/index.ts';
import { addressList, isTrustedPeer } from '../src/auth/proxy.ts';
import { BoundedMap } from '../src/auth/bounded-map.ts';
import { call, memoryDatabase, programInput, seedPeople, startServer } from './http/harness.ts';

const ISSUER = 'https://login.example.com/tenant';
const AUDIENCE = 'api://upward';

describe('Authentication: OIDC/JWT bearer tokens against a JWKS', () => {
  let idp: Server;
  let jwksUrl: string;
  let signingKey: CryptoKey;
  let otherKey: CryptoKey;
  let byId: UpwardServer;
  let byEmail: UpwardServer;

  before(async () => {
    const pair = await generateKeyPair('ES256');
    const impostor = await generateKeyPair('ES256');
    signingKey = pair.privateKey;
    otherKey = impostor.privateKey;
    const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'key-1', alg: 'ES256', use: 'sig' };
    idp = createHttpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(idp.address() as AddressInfo).port}/.well-known/jwks.json`;
    const database = await memoryDatabase();
    await seedPeople(database);
    const jwt = {
      mode: 'jwt' as const,
      jwksUrl,
      issuer: ISSUER,
      audience: AUDIENCE,
      personClaim: 'sub',
      personClaimIs: 'id' as const,
      adminClaim: 'roles',
      adminValue: 'upward-admin',
      clockToleranceSeconds: 30,
    };
    byId = await startServer({ database, config: { auth: jwt } });
    byEmail = await startServer({ database, config: { auth: { ...jwt, personClaim: 'email', personClaimIs: 'email' } } });
  });
  after(async () => {
    await byId.close();
    await byEmail.close();
    await byId.database.close();
    idp.close();
  });

  const token = (claims: Record<string, unknown>, options: { key?: CryptoKey; exp?: number | string; aud?: string; iss?: string } = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: 'key-1' })
      .setIssuer(options.iss ?? ISSUER)
      .setAudience(options.aud ?? AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(options.exp ?? '5m')
      .sign(options.key ?? signingKey);

  const me = (server: UpwardServer, bearer: string) => call(server, null, 'people.me', undefined, { headers: { authorization: `Bearer ${bearer}` } });

  it('accepts a valid token and acts as the person in the claim', async () => {
    const res = await me(byId, await token({ sub: 'anna' }));
    expect(res.status).to.equal(200);
    expect(res.body).to.include({ id: 'anna' });
  });

  it('answers 401 for expired, wrong-audience, wrong-issuer, wrongly signed and malformed tokens', async () => {
    const now = Math.floor(Date.now() / 1000);
    const bad = {
      expired: await token({ sub: 'anna' }, { exp: now - 120 }),
      'wrong audience': await token({ sub: 'anna' }, { aud: 'api://someone-else' }),
      'wrong issuer': await token({ sub: 'anna' }, { iss: 'https://evil.example.com' }),
      'wrong signature': await token({ sub: 'anna' }, { key: otherKey }),
      'unsigned (alg none)': `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'anna', iss: ISSUER, aud: AUDIENCE, exp: now + 60 })).toString('base64url')}.`,
      garbage: 'not.a.token',
      'no person claim': await token({ name: 'Anna' }),
      'control character in the id': await token({ sub: 'an\u0000na' }),
    };
    for (const [what, bearer] of Object.entries(bad)) {
      const res = await me(byId, bearer);
      expect(res.status, what).to.equal(401);
      expect(res.body, what).to.include({ code: 'unauthenticated' });
    }
    expect((await call(byId, null, 'people.me', undefined)).status).to.equal(401);
  });

  it('tolerates a little clock skew', async () => {
    const res = await me(byId, await token({ sub: 'anna' }, { exp: Math.floor(Date.now() / 1000) - 10 }));
    expect(res.status).to.equal(200);
  });

  it('makes admins from the role claim only', async () => {
    const admin = await call(byId, null, 'programs.create', programInput(), { headers: { authorization: `Bearer ${await token({ sub: 'chris', roles: ['upward-admin'] })}` } });
    expect(admin.status).to.equal(201);
    const plain = await call(byId, null, 'programs.create', programInput(), { headers: { authorization: `Bearer ${await token({ sub: 'chris', roles: ['reader'] })}` } });
    expect(plain.status).to.equal(403);
  });

  it('finds the person by email when the claim holds an email', async () => {
    const res = await me(byEmail, await token({ sub: 'x-123', email: 'ben@example.com' }));
    expect(res.status).to.equal(200);
    expect(res.body).to.include({ id: 'ben' });
    expect((await me(byEmail, await token({ sub: 'x', email: 'nobody@example.com' }))).status).to.equal(401);
  });
});

describe('Authentication: the SSO proxy header', () => {
  let server: UpwardServer;
  before(async () => {
    const database = await memoryDatabase();
    await seedPeople(database);
    server = await startServer({
      database,
      config: {
        auth: {
          mode: 'proxy',
          trustedProxies: ['10.1.2.3', '192.168.0.0/16'],
          userHeader: 'x-forwarded-user',
          userHeaderIs: 'email',
          groupsHeader: 'x-forwarded-groups',
          adminGroup: 'upward-admin',
        },
      },
    });
  });
  after(async () => {
    await server.close();
    await server.database.close();
  });

  const asPeer = (remoteAddress: string, headers: Record<string, string>) =>
    server.app.inject({ method: 'GET', url: '/api/v1/people/me', remoteAddress, headers });

  it('believes the header from a trusted proxy and only from it', async () => {
    const trusted = await asPeer('10.1.2.3', { 'x-forwarded-user': 'anna@example.com' });
    expect(trusted.statusCode).to.equal(200);
    expect(JSON.parse(trusted.body)).to.include({ id: 'anna' });
    expect((await asPeer('192.168.40.7', { 'x-forwarded-user': 'anna@example.com' })).statusCode).to.equal(200);
    expect((await asPeer('::ffff:10.1.2.3', { 'x-forwarded-user': 'anna@example.com' })).statusCode).to.equal(200);
    for (const untrusted of ['10.1.2.4', '127.0.0.1', '::1']) {
      const res = await asPeer(untrusted, { 'x-forwarded-user': 'anna@example.com', 'x-forwarded-for': '10.1.2.3' });
      expect(res.statusCode, untrusted).to.equal(401);
    }
    expect((await asPeer('10.1.2.3', { 'x-forwarded-user': 'stranger@example.com' })).statusCode).to.equal(401);
    expect((await asPeer('10.1.2.3', {})).statusCode).to.equal(401);
  });

  it('takes admin rights from the groups header of a trusted proxy', async () => {
    const post = (groups: string) =>
      server.app.inject({
        method: 'POST',
        url: '/api/v1/programs',
        remoteAddress: '10.1.2.3',
        headers: { 'x-forwarded-user': 'chris@example.com', 'x-forwarded-groups': groups, 'content-type': 'application/json', 'idempotency-key': `k-${groups.replace(/\W/g, '')}` },
        payload: JSON.stringify(programInput()),
      });
    expect((await post('staff, upward-admin')).statusCode).to.equal(201);
    expect((await post('staff')).statusCode).to.equal(403);
  });

  it("refuses a cookie-carrying write without X-Upward-Request (the proxy's session cookie is the credential)", async () => {
    const post = (headers: Record<string, string>) =>
      server.app.inject({
        method: 'POST',
        url: '/api/v1/programs',
        remoteAddress: '10.1.2.3',
        headers: { 'x-forwarded-user': 'chris@example.com', 'x-forwarded-groups': 'upward-admin', 'content-type': 'application/json', cookie: 'sso=1', ...headers },
        payload: JSON.stringify(programInput()),
      });
    const forged = await post({ 'idempotency-key': 'csrf-1' });
    expect(forged.statusCode).to.equal(403);
    expect(JSON.parse(forged.body)).to.include({ code: 'forbidden' });
    expect((await post({ 'idempotency-key': 'csrf-2', 'x-upward-request': '1' })).statusCode).to.equal(201);
  });

  it('parses addresses and ranges, and refuses nonsense in the list', () => {
    const list = addressList(['10.0.0.0/8', 'fd00::/8', '127.0.0.1']);
    expect(isTrustedPeer(list, '10.200.1.1')).to.equal(true);
    expect(isTrustedPeer(list, 'fd12::1')).to.equal(true);
    expect(isTrustedPeer(list, '::ffff:127.0.0.1')).to.equal(true);
    expect(isTrustedPeer(list, '11.0.0.1')).to.equal(false);
    expect(isTrustedPeer(list, undefined)).to.equal(false);
    expect(() => addressList(['proxy.example.com'])).to.throw(/not an IP address/);
  });
});

describe('Authentication: demo mode', () => {
  let server: UpwardServer;
  before(async () => {
    const database = await memoryDatabase();
    await seedPeople(database);
    server = await startServer({ database });
  });
  after(async () => {
    await server.close();
    await server.database.close();
  });

  it('acts as the named person, derives admin rights from the directory, and warns at startup', async () => {
    expect(server.warnings.join(' ')).to.match(/DEMO AUTHENTICATION IS ON/);
    expect((await call(server, 'ben', 'people.me', undefined)).body).to.include({ id: 'ben' });
    expect((await call(server, 'nobody', 'people.me', undefined)).status).to.equal(401);
    expect((await call(server, 'admin', 'programs.create', programInput())).status).to.equal(201);
    expect((await call(server, 'ben', 'programs.create', programInput(), { headers: { 'x-upward-admin': '1' } })).status).to.equal(403);
  });
});

describe('Authentication caches', () => {
  it('keep at most their limit by forgetting the oldest entry, not everything at once', () => {
    const tokens = new BoundedMap<string, number>(3);
    for (const [i, token] of ['a', 'b', 'c'].entries()) tokens.set(token, i);
    tokens.set('b', 10); // a known key updates in place and evicts nothing
    expect([...tokens.keys()]).to.deep.equal(['a', 'b', 'c']);
    tokens.set('d', 3);
    expect([...tokens.entries()]).to.deep.equal([
      ['b', 10],
      ['c', 2],
      ['d', 3],
    ]);
    tokens.set('e', 4);
    expect(tokens.size).to.equal(3);
    expect(tokens.has('b')).to.equal(false);
  });
});

describe('Configuration from the environment', () => {
  it('needs demo mode asked for twice, and names every missing or bad variable', () => {
    expect(() => configFromEnv({ UPWARD_AUTH: 'demo' })).to.throw(ConfigError, /UPWARD_DEMO/);
    expect(() => configFromEnv({})).to.throw(ConfigError, /UPWARD_AUTH/);
    const jwt = (() => {
      try {
        configFromEnv({ UPWARD_AUTH: 'jwt', PORT: 'eighty' });
        return null;
      } catch (error) {
        return error as ConfigError;
      }
    })();
    expect(jwt).to.be.instanceOf(ConfigError);
    expect(jwt!.message).to.include('PORT');
    expect(() => configFromEnv({ UPWARD_AUTH: 'jwt' })).to.throw(ConfigError, /UPWARD_JWKS_URL[\s\S]*UPWARD_JWT_ISSUER[\s\S]*UPWARD_JWT_AUDIENCE/);
    expect(() => configFromEnv({ UPWARD_AUTH: 'proxy' })).to.throw(ConfigError, /UPWARD_TRUSTED_PROXIES/);
    // A frame-ancestors entry cannot smuggle another CSP directive in.
    expect(() => configFromEnv({ UPWARD_DEMO: '1', UPWARD_FRAME_ANCESTORS: "'self'; script-src *" })).to.throw(ConfigError, /UPWARD_FRAME_ANCESTORS/);
  });

  it('defaults to PGlite on disk in .upward-data, 127.0.0.1:8787, and PostgreSQL when DATABASE_URL is set', () => {
    const demo = configFromEnv({ UPWARD_DEMO: '1' });
    expect(demo).to.include({ port: 8787, host: '127.0.0.1', seedSampleOrg: true });
    expect(demo.auth.mode).to.equal('demo');
    expect(demo.database).to.deep.include({ kind: 'pglite' });
    expect((demo.database as { dataDir: string }).dataDir).to.match(/\.upward-data$/);
    const pgConfig = configFromEnv({ UPWARD_DEMO: '1', DATABASE_URL: 'postgres://u:p@db:5432/upward', UPWARD_RATE_LIMIT_MAX: '0' });
    expect(pgConfig.database).to.deep.include({ kind: 'postgres', url: 'postgres://u:p@db:5432/upward' });
    expect(pgConfig.rateLimit).to.equal(null);
    const full = configFromEnv({
      UPWARD_AUTH: 'jwt',
      UPWARD_JWKS_URL: 'https://login.example.com/keys',
      UPWARD_JWT_ISSUER: ISSUER,
      UPWARD_JWT_AUDIENCE: AUDIENCE,
      UPWARD_JWT_PERSON_CLAIM: 'oid',
      UPWARD_CORS_ORIGINS: 'https://intranet.example.com, https://portal.example.com',
      UPWARD_FRAME_ANCESTORS: "'self',https://intranet.example.com",
    });
    expect(full.auth).to.include({ mode: 'jwt', personClaim: 'oid' });
    expect(full.corsOrigins).to.deep.equal(['https://intranet.example.com', 'https://portal.example.com']);
    expect(full.frameAncestors).to.deep.equal(["'self'", 'https://intranet.example.com']);
  });
});
