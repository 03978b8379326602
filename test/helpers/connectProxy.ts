import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';

/**
 * A minimal HTTP CONNECT proxy for tests: tunnels each CONNECT to the host and port it names (all
 * on 127.0.0.1 in these tests) and answers anything else 405. `onTunnel` is called once per tunnel.
 * Not listening yet: the caller listens and closes it.
 */
export function createConnectProxy(onTunnel: () => void = () => undefined): Server {
  const proxy = createServer((_request, response) => response.writeHead(405).end());
  proxy.on('connect', (request, client, head) => {
    onTunnel();
    const [host, port] = (request.url ?? '').split(':');
    const upstream = connect(Number(port), host ?? '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  return proxy;
}
