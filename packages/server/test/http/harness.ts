/**
 * Test harness for the HTTP suites: starts `createServer` on a database (in-memory PGlite by
 * default), seeds a small organisation and program through the SDK, and calls the API as a
 * given person — with `fastify.inject` (no socket) or over a real port — building each request
 * from the REST contract (`buildRequest`) so tests speak the same contract as the clients.
 */
import { randomUUID } from 'node:crypto';
import { createUpward, type Upward } from '@upward/sdk';
import { buildRequest, operations, type OperationInput, type OperationName } from '@upward/sdk/remote/contract';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { createServer, defineConfig, nodePgDriver, pgliteDriver, type Database, type ServerConfig, type UpwardServer } from '../../src/index.ts';
import { attachDatabase } from '../../src/database/open-database.ts';
import { people, programInput } from '../../../sdk/test/upward/world.ts';

export const BASE = '/api/v1';
/** The demo authenticator makes people of this department admins. */
export const ADMIN_DEPARTMENT = 'HR';
export const adminPerson = {
  id: 'admin',
  name: 'Alex Admin',
  email: 'alex@example.com',
  title: 'HR Business Partner',
  department: ADMIN_DEPARTMENT,
  level: 6,
  managerId: 'ceo',
  timeZone: 'Europe/London',
  languages: ['en'],
};

export async function startServer(
  options: { config?: Partial<ServerConfig>; database?: Database } = {},
): Promise<UpwardServer> {
  const config = defineConfig({ auth: { mode: 'demo', adminDepartment: ADMIN_DEPARTMENT }, ...options.config });
  return createServer(config, options.database ? { database: options.database } : {});
}

let shared: Promise<PGlite> | undefined;
let schemaNo = 0;

/**
 * A fresh data set (its own schema) on the one in-memory PGlite of this test process: starting
 * PGlite costs seconds, a schema milliseconds. Closing it drops nothing and keeps PGlite open.
 */
export async function memoryDatabase(): Promise<Database> {
  shared ??= PGlite.create();
  return attachDatabase(pgliteDriver(await shared), `t${process.pid}_${++schemaNo}`, 'test PGlite');
}

/** A data set on the PostgreSQL server of `DATABASE_URL`, in a schema of its own, dropped on close. */
export async function postgresDatabase(url: string, schema: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, pipeline: true });
  const driver = nodePgDriver(pool);
  return attachDatabase(driver, schema, 'test PostgreSQL', () => pool.end());
}

export interface ApiResponse {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: unknown;
  text: string;
}

export interface CallOptions {
  idempotencyKey?: string;
  headers?: Record<string, string>;
}

/** Calls one operation of the contract as `personId` (null: no credentials) through `fastify.inject`. */
export async function call<N extends OperationName>(
  server: UpwardServer,
  personId: string | null,
  name: N,
  input: OperationInput<N>,
  options: CallOptions = {},
): Promise<ApiResponse> {
  const op = operations[name];
  const parts = buildRequest(op, input, { idempotencyKey: options.idempotencyKey ?? randomUUID() });
  const query = new URLSearchParams(parts.query).toString();
  const response = await server.app.inject({
    method: parts.method,
    url: `${BASE}${parts.path}${query ? `?${query}` : ''}`,
    headers: {
      ...(personId ? { 'x-upward-acting-as': personId } : {}),
      ...(parts.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...parts.headers,
      ...options.headers,
    },
    ...(parts.body !== undefined ? { payload: JSON.stringify(parts.body) } : {}),
  });
  let body: unknown = undefined;
  try {
    body = response.body ? JSON.parse(response.body) : undefined;
  } catch {
    body = undefined;
  }
  return { status: response.statusCode, headers: response.headers, body, text: response.body };
}

/** Like `call`, but fails loudly unless the answer is a 2xx; returns the body. */
export async function ok<N extends OperationName>(
  server: UpwardServer,
  personId: string,
  name: N,
  input: OperationInput<N>,
  options: CallOptions = {},
): Promise<any> {
  const response = await call(server, personId, name, input, options);
  if (response.status >= 300) throw new Error(`${name} as ${personId}: ${response.status} ${response.text}`);
  return response.body;
}

/** The world of the SDK's behaviour suite, plus an admin the demo authenticator recognises. */
export async function seedPeople(database: Database): Promise<(actor: { personId: string; isAdmin?: boolean }) => Upward> {
  const as = (actor: { personId: string; isAdmin?: boolean }) => createUpward({ store: database.store, actor });
  const seeder = as({ personId: 'upward-seed', isAdmin: true });
  for (const person of [...Object.values(people), adminPerson]) await seeder.people.upsert(person);
  return as;
}

export { people, programInput };

/** The databases a suite runs on: PGlite always, PostgreSQL when DATABASE_URL is set. */
export function databasesUnderTest(): { name: string; open: () => Promise<Database> }[] {
  const url = process.env.DATABASE_URL;
  const list: { name: string; open: () => Promise<Database> }[] = [{ name: 'PGlite', open: memoryDatabase }];
  if (url) {
    list.push({
      name: 'PostgreSQL',
      open: async () => {
        const schema = `http_${process.pid}_${Date.now().toString(36)}_${++schemaNo}`;
        const db = await postgresDatabase(url, schema);
        // Closing drops the data set (and a matrix snapshot, if one was taken).
        return {
          ...db,
          async close() {
            await db.driver.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
            await db.driver.query(`DROP SCHEMA IF EXISTS "${schema}_snap" CASCADE`).catch(() => undefined);
            await db.close();
          },
        };
      },
    });
  }
  return list;
}
