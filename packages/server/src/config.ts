/**
 * The server's configuration: one typed object, read from the environment by `configFromEnv`
 * (zod, so a bad value is reported with its variable name) or built directly by tests and hosts.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';

export type DatabaseConfig =
  | { kind: 'postgres'; url: string; poolSize: number }
  /** `dataDir: null` keeps the data in memory (tests); otherwise a directory on disk. */
  | { kind: 'pglite'; dataDir: string | null };

export interface JwtAuthConfig {
  mode: 'jwt';
  jwksUrl: string;
  issuer: string;
  audience: string;
  /** Claim that names the person (`sub`, `oid`, `email`, …). */
  personClaim: string;
  /** Whether that claim holds the person's id or their email (looked up in the directory). */
  personClaimIs: 'id' | 'email';
  /** Claim holding roles or groups (a string or an array of strings). */
  adminClaim: string;
  /** A value of `adminClaim` that makes the bearer an admin. */
  adminValue: string;
  clockToleranceSeconds: number;
}

export interface ProxyAuthConfig {
  mode: 'proxy';
  /** Addresses or CIDR ranges of the SSO proxy; the header is ignored from anyone else. */
  trustedProxies: string[];
  userHeader: string;
  userHeaderIs: 'id' | 'email';
  groupsHeader: string;
  adminGroup: string;
}

export interface DemoAuthConfig {
  mode: 'demo';
  /** People of this department act as admins in the demo (the sample org's HR department). */
  adminDepartment: string;
}

export type AuthConfig = JwtAuthConfig | ProxyAuthConfig | DemoAuthConfig;

export interface ServerConfig {
  port: number;
  host: string;
  database: DatabaseConfig;
  /** PostgreSQL schema of the data set. */
  schema: string;
  auth: AuthConfig;
  /** Origins allowed to call the API from a browser (CORS); empty = same origin only. */
  corsOrigins: string[];
  /** Requests per window per client; null turns rate limiting off. */
  rateLimit: { max: number; windowMs: number } | null;
  /** Largest request body accepted, in bytes. */
  bodyLimit: number;
  /** Directory served at `/` (the demo intranet page); null serves nothing there. */
  staticDir: string | null;
  /** CSP `frame-ancestors` sources: who may embed served pages (`'self'`, intranet origins). */
  frameAncestors: string[];
  /** Import the sample org into an empty database at startup. */
  seedSampleOrg: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /**
   * Server processes sharing the port (`src/main.ts` forks them). One Node process uses one core;
   * more need PostgreSQL (PGlite is one process's database).
   */
  workers: number;
}

export const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));

const list = z
  .string()
  .transform((s) => s.split(',').map((v) => v.trim()).filter(Boolean));
const int = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');
const headerName = z
  .string()
  .regex(/^[A-Za-z0-9-]+$/, 'must be an HTTP header name')
  .transform((s) => s.toLowerCase());

const Env = z.object({
  PORT: int(0, 65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  UPWARD_DB_POOL_SIZE: int(1, 200).default(10),
  UPWARD_DATA_DIR: z.string().min(1).default(`${repositoryRoot}.upward-data`),
  UPWARD_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case SQL identifier').default('upward'),
  UPWARD_AUTH: z.enum(['jwt', 'proxy', 'demo']).optional(),
  UPWARD_DEMO: flag.default(false),
  UPWARD_DEMO_ADMIN_DEPARTMENT: z.string().min(1).default('People & Culture'),
  UPWARD_JWKS_URL: z.url({ protocol: /^https?$/ }).optional(),
  UPWARD_JWT_ISSUER: z.string().min(1).optional(),
  UPWARD_JWT_AUDIENCE: z.string().min(1).optional(),
  UPWARD_JWT_PERSON_CLAIM: z.string().min(1).default('sub'),
  UPWARD_JWT_PERSON_CLAIM_IS: z.enum(['id', 'email']).default('id'),
  UPWARD_JWT_ADMIN_CLAIM: z.string().min(1).default('roles'),
  UPWARD_JWT_ADMIN_VALUE: z.string().min(1).default('upward-admin'),
  UPWARD_JWT_CLOCK_TOLERANCE: int(0, 600).default(30),
  UPWARD_TRUSTED_PROXIES: list.default([]),
  UPWARD_PROXY_USER_HEADER: headerName.default('x-forwarded-user'),
  UPWARD_PROXY_USER_IS: z.enum(['id', 'email']).default('email'),
  UPWARD_PROXY_GROUPS_HEADER: headerName.default('x-forwarded-groups'),
  UPWARD_PROXY_ADMIN_GROUP: z.string().min(1).default('upward-admin'),
  UPWARD_CORS_ORIGINS: list.pipe(z.array(z.url({ protocol: /^https?$/ }))).default([]),
  UPWARD_RATE_LIMIT_MAX: int(0, 10_000_000).default(600),
  UPWARD_RATE_LIMIT_WINDOW_MS: int(1000, 86_400_000).default(60_000),
  UPWARD_BODY_LIMIT: int(1024, 100_000_000).default(5_000_000),
  UPWARD_STATIC_DIR: z.string().min(1).optional(),
  // Each entry becomes part of a CSP header: a keyword or a source, never something that could end the directive.
  UPWARD_FRAME_ANCESTORS: list
    .pipe(z.array(z.string().regex(/^('self'|'none'|[a-z][a-z0-9+.-]*:(\/\/[^\s;,']+)?|\*(\.[^\s;,']+)?|[^\s;,'*]+)$/i, "must be 'self', 'none' or a source such as https://intranet.example.com")))
    .default(["'self'"]),
  UPWARD_SEED: flag.optional(),
  UPWARD_WORKERS: int(1, 64).default(1),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`[upward] [server] Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** Reads the configuration from environment variables; throws `ConfigError` naming each bad one. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  // An empty variable means "not set", as in most shells' `FOO= cmd`.
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = Env.safeParse(defined);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  const e = parsed.data;
  const problems: string[] = [];
  const mode = e.UPWARD_AUTH ?? (e.UPWARD_DEMO ? 'demo' : undefined);
  let auth: AuthConfig | undefined;
  if (!mode) problems.push('UPWARD_AUTH: set to jwt, proxy or demo (demo also needs UPWARD_DEMO=1)');
  else if (mode === 'demo') {
    // Demo mode lets anyone act as anyone: it must be asked for twice, never by accident.
    if (!e.UPWARD_DEMO) problems.push('UPWARD_DEMO: demo authentication needs UPWARD_DEMO=1 as well');
    auth = { mode: 'demo', adminDepartment: e.UPWARD_DEMO_ADMIN_DEPARTMENT };
  } else if (mode === 'jwt') {
    if (!e.UPWARD_JWKS_URL) problems.push('UPWARD_JWKS_URL: required when UPWARD_AUTH=jwt');
    if (!e.UPWARD_JWT_ISSUER) problems.push('UPWARD_JWT_ISSUER: required when UPWARD_AUTH=jwt');
    if (!e.UPWARD_JWT_AUDIENCE) problems.push('UPWARD_JWT_AUDIENCE: required when UPWARD_AUTH=jwt');
    auth = {
      mode: 'jwt',
      jwksUrl: e.UPWARD_JWKS_URL ?? '',
      issuer: e.UPWARD_JWT_ISSUER ?? '',
      audience: e.UPWARD_JWT_AUDIENCE ?? '',
      personClaim: e.UPWARD_JWT_PERSON_CLAIM,
      personClaimIs: e.UPWARD_JWT_PERSON_CLAIM_IS,
      adminClaim: e.UPWARD_JWT_ADMIN_CLAIM,
      adminValue: e.UPWARD_JWT_ADMIN_VALUE,
      clockToleranceSeconds: e.UPWARD_JWT_CLOCK_TOLERANCE,
    };
  } else {
    if (e.UPWARD_TRUSTED_PROXIES.length === 0) problems.push('UPWARD_TRUSTED_PROXIES: required when UPWARD_AUTH=proxy');
    auth = {
      mode: 'proxy',
      trustedProxies: e.UPWARD_TRUSTED_PROXIES,
      userHeader: e.UPWARD_PROXY_USER_HEADER,
      userHeaderIs: e.UPWARD_PROXY_USER_IS,
      groupsHeader: e.UPWARD_PROXY_GROUPS_HEADER,
      adminGroup: e.UPWARD_PROXY_ADMIN_GROUP,
    };
  }
  if (e.UPWARD_WORKERS > 1 && !e.DATABASE_URL) problems.push('UPWARD_WORKERS: more than one worker needs DATABASE_URL (PGlite is one process’s database)');
  if (problems.length || !auth) throw new ConfigError(problems);
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, poolSize: e.UPWARD_DB_POOL_SIZE }
      : { kind: 'pglite', dataDir: resolve(repositoryRoot, e.UPWARD_DATA_DIR) },
    schema: e.UPWARD_SCHEMA,
    auth,
    corsOrigins: e.UPWARD_CORS_ORIGINS,
    rateLimit: e.UPWARD_RATE_LIMIT_MAX > 0 ? { max: e.UPWARD_RATE_LIMIT_MAX, windowMs: e.UPWARD_RATE_LIMIT_WINDOW_MS } : null,
    bodyLimit: e.UPWARD_BODY_LIMIT,
    // Relative paths are read from the repository root, whichever folder the server starts in.
    staticDir: e.UPWARD_STATIC_DIR ? resolve(repositoryRoot, e.UPWARD_STATIC_DIR) : null,
    frameAncestors: e.UPWARD_FRAME_ANCESTORS,
    // The demo imports the sample org unless told not to; other modes only when asked.
    seedSampleOrg: e.UPWARD_SEED ?? auth.mode === 'demo',
    logLevel: e.LOG_LEVEL,
    workers: e.UPWARD_WORKERS,
  };
}

/** A complete configuration for tests and embedding, with safe defaults for what is not given. */
export function defineConfig(partial: Partial<ServerConfig> & Pick<ServerConfig, 'auth'>): ServerConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    database: { kind: 'pglite', dataDir: null },
    schema: 'upward',
    corsOrigins: [],
    rateLimit: null,
    bodyLimit: 5_000_000,
    staticDir: null,
    frameAncestors: ["'self'"],
    seedSampleOrg: false,
    logLevel: 'silent',
    workers: 1,
    ...partial,
  };
}
