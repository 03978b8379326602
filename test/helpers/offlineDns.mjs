/**
 * Preloaded (`node --import`) into every CLI the end-to-end tests spawn: tests never touch the
 * network, so no host name is looked up on the machine's resolver. `localhost` resolves to
 * 127.0.0.1; any other name fails at once with ENOTFOUND, as a name that does not exist would
 * (`.invalid` never resolves, RFC 6761 §6.4). IP literals are not looked up by Node at all.
 */
import dns from 'node:dns';

const LOOPBACK = new Set(['localhost', 'localhost.']);

function notFound(hostname) {
  const error = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
  error.code = 'ENOTFOUND';
  error.errno = -3008;
  error.syscall = 'getaddrinfo';
  error.hostname = hostname;
  return error;
}

function offlineLookup(hostname, options, callback) {
  const done = typeof options === 'function' ? options : callback;
  const all = typeof options === 'object' && options !== null && options.all === true;
  process.nextTick(() => {
    if (!LOOPBACK.has(String(hostname).toLowerCase())) return done(notFound(hostname));
    return all ? done(null, [{ address: '127.0.0.1', family: 4 }]) : done(null, '127.0.0.1', 4);
  });
}

dns.lookup = offlineLookup;
dns.promises.lookup = async (hostname, options) => {
  if (!LOOPBACK.has(String(hostname).toLowerCase())) throw notFound(hostname);
  return options !== null && typeof options === 'object' && options.all === true ? [{ address: '127.0.0.1', family: 4 }] : { address: '127.0.0.1', family: 4 };
};
