// The behaviour suite of `Upward`, run against the remote client: every call goes over HTTP
// (msw in the page) into the real request handler and the in-memory engine. The snapshot reads
// the server's store; a test's clock is handed to the server-side engine through a test header.
import { remoteUpward, type RemoteUpward } from '../../src/remote/client.ts';
import { snapshotOf } from '../upward/snapshot.ts';
import { testUpward } from '../upward/upward-suite.ts';
import { BASE, startTestServer } from './client-fixture.ts';

testUpward('remote client over HTTP', async () => {
  const server = await startTestServer();
  const clients: RemoteUpward[] = [];
  return {
    as: (actor, options) => {
      const client = remoteUpward({
        baseUrl: BASE,
        actor,
        headers: server.headersFor(actor, options?.clock),
        // The outbox has its own tests; here every call must reach the server or fail.
        outbox: false,
      });
      clients.push(client);
      return client;
    },
    snapshot: () => snapshotOf(server.store),
    dispose: async () => {
      for (const client of clients) client.close();
      await server.dispose();
    },
  };
});
