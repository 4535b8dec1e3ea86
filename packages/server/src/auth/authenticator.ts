/**
 * What every way of signing in has in common: it looks at a request (its headers and the TCP
 * peer that sent it) and answers with the acting person, or null for "not signed in" (401).
 * Which one runs is configuration (`UPWARD_AUTH`); `createAuthenticator` picks it.
 */
import type { Actor, Store } from '@upward/sdk';
import type { AuthConfig } from '../config.ts';
import { directoryLookup } from './directory.ts';
import { jwtAuthenticator } from './jwt.ts';
import { proxyAuthenticator } from './proxy.ts';
import { demoAuthenticator } from './demo.ts';

export interface IncomingCredentials {
  /** Lower-case header names, as Node gives them. */
  headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The TCP peer (the proxy, when there is one), never a forwarded header. */
  peerAddress: string | undefined;
}

export type Authenticator = (request: IncomingCredentials) => Promise<Actor | null>;

export interface AuthenticatorHandle {
  authenticate: Authenticator;
  /** Said once at startup (demo mode warns). */
  describe: string;
  warning?: string;
}

export function createAuthenticator(config: AuthConfig, store: Store): AuthenticatorHandle {
  const directory = directoryLookup(store);
  switch (config.mode) {
    case 'jwt':
      return { authenticate: jwtAuthenticator(config, directory), describe: `OIDC/JWT bearer tokens from ${config.issuer}` };
    case 'proxy':
      return {
        authenticate: proxyAuthenticator(config, directory),
        describe: `the "${config.userHeader}" header from the SSO proxy at ${config.trustedProxies.join(', ')}`,
      };
    case 'demo':
      return {
        authenticate: demoAuthenticator(config, directory),
        describe: 'demo mode (X-Upward-Acting-As header)',
        warning:
          'DEMO AUTHENTICATION IS ON: anyone who can reach this server can act as any person with the X-Upward-Acting-As header. Never use it with real data.',
      };
  }
}
