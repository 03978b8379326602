/**
 * Preloaded (`node --import`) into every CLI the end-to-end tests spawn: tests never touch the
 * network, so no host name is looked up on the machine's resolver. `localhost` resolves to
 * 127.0.0.1 and an IP literal to itself (`server.listen(port, '127.0.0.1')` looks it up too); any
 * other name fails at once with ENOTFOUND, as a name that does not exist would (`.invalid` never
 * resolves, RFC 6761 §6.4).
 */
import dns from 'node:dns';
import { isIP } from 'node:net';

const LOOPBACK = new Set(['localhost', 'localhost.']);

function notFound(hostname) {
  const error = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
  error.code = 'ENOTFOUND';
  error.errno = -3008;
  error.syscall = 'getaddrinfo';
  error.hostname = hostname;
  return error;
}

/** The address a name stands for offline: an IP literal itself, `localhost` 127.0.0.1, else none. */
function offlineAddress(hostname) {
  const name = String(hostname);
  const family = isIP(name);
  if (family !== 0) return { address: name, family };
  return LOOPBACK.has(name.toLowerCase()) ? { address: '127.0.0.1', family: 4 } : undefined;
}

function offlineLookup(hostname, options, callback) {
  const done = typeof options === 'function' ? options : callback;
  const all = typeof options === 'object' && options !== null && options.all === true;
  process.nextTick(() => {
    const found = offlineAddress(hostname);
    if (found === undefined) return done(notFound(hostname));
    return all ? done(null, [found]) : done(null, found.address, found.family);
  });
}

dns.lookup = offlineLookup;
dns.promises.lookup = async (hostname, options) => {
  const found = offlineAddress(hostname);
  if (found === undefined) throw notFound(hostname);
  return options !== null && typeof options === 'object' && options.all === true ? [found] : found;
};
