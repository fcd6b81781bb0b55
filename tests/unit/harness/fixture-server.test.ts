import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../../e2e/fixture-server.ts';

/** Sends a proxy CONNECT, waits for the refusal, then resets the connection (RST, not FIN). */
function connectThenReset(port: number, target: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(`CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\n\r\n`));
    socket.once('data', (reply) => {
      socket.resetAndDestroy();
      resolve(reply.toString('latin1'));
    });
    socket.once('error', reject);
  });
}

describe('fixture server (the browsers’ proxy in the e2e tests and the bench)', () => {
  let server: FixtureServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('refuses an HTTPS tunnel and keeps serving after the browser resets that connection', async () => {
    server = await startFixtureServer();
    for (let i = 0; i < 5; i++) {
      expect(await connectThenReset(server.port, 'example.com:443')).toMatch(/^HTTP\/1\.1 502 /);
    }
    // A reset the server did not listen for would have been an uncaught error by now.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const page = await fetch(server.url('does-not-exist.html'));
    expect(page.status).toBe(404);
    expect(server.foreignRequests()).toEqual(Array(5).fill('https://example.com:443'));
  });
});
