/**
 * Sign-in by an SSO reverse proxy that authenticates the user and forwards who they are in a
 * header. The header is believed ONLY when the TCP peer is one of the configured proxy
 * addresses: anyone else could simply send it. Forwarded-for headers are never consulted.
 */
import { BlockList, isIPv4, isIPv6 } from 'node:net';
import type { ProxyAuthConfig } from '../config.ts';
import type { Authenticator } from './authenticator.ts';
import { singleHeader, toActor } from './credentials.ts';
import type { DirectoryLookup } from './directory.ts';

/** Accepts `10.0.0.5`, `10.0.0.0/8`, `::1`, `fd00::/8`. */
export function addressList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/');
    const type = isIPv4(address) ? 'ipv4' : isIPv6(address) ? 'ipv6' : undefined;
    if (!type) throw new Error(`[upward] [server] "${entry}" in the trusted proxy list is not an IP address or CIDR range.`);
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return list;
}

export function isTrustedPeer(list: BlockList, peer: string | undefined): boolean {
  if (!peer) return false;
  // A dual-stack socket reports IPv4 peers as ::ffff:a.b.c.d.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(peer)?.[1];
  if (mapped) return list.check(mapped, 'ipv4') || list.check(peer, 'ipv6');
  return isIPv4(peer) ? list.check(peer, 'ipv4') : isIPv6(peer) && list.check(peer, 'ipv6');
}

export function proxyAuthenticator(config: ProxyAuthConfig, directory: DirectoryLookup): Authenticator {
  const trusted = addressList(config.trustedProxies);
  return async ({ headers, peerAddress }) => {
    if (!isTrustedPeer(trusted, peerAddress)) return null;
    const user = singleHeader(headers[config.userHeader])?.trim();
    if (!user) return null;
    const groups = (singleHeader(headers[config.groupsHeader]) ?? '').split(',').map((g) => g.trim());
    const isAdmin = groups.includes(config.adminGroup);
    if (config.userHeaderIs === 'id') return toActor(user, isAdmin);
    const person = await directory.byEmail(user);
    return person ? toActor(person.id, isAdmin) : null;
  };
}
