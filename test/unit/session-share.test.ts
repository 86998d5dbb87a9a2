import { BroadcastChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { announceSignOut, requestSession, shareSession, usable, type ShareChannel } from '../../web/src/auth/session-share';

interface TestSession {
  token: string;
  expiresAt?: string;
  name: string;
}

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();
const anHourAgo = () => new Date(Date.now() - 3_600_000).toISOString();

/** Two tabs of one origin: two ends of a real BroadcastChannel (Node's), as the browser gives each tab. */
let open: BroadcastChannel[] = [];
function tab(): ShareChannel {
  const channel = new BroadcastChannel(`session-share-test-${Math.random()}`);
  open.push(channel);
  return channel as unknown as ShareChannel;
}
function twoTabs(): [ShareChannel, ShareChannel] {
  const name = `session-share-test-${Math.random()}`;
  const a = new BroadcastChannel(name);
  const b = new BroadcastChannel(name);
  open.push(a, b);
  return [a as unknown as ShareChannel, b as unknown as ShareChannel];
}

afterEach(() => {
  for (const c of open) c.close();
  open = [];
});

describe('sharing the sign-in between open tabs', () => {
  it('a new tab takes the session of a signed-in tab', async () => {
    const [signedIn, opened] = twoTabs();
    const session: TestSession = { token: 'jwt-1', expiresAt: inAnHour(), name: 'Megan Hughes' };
    shareSession(signedIn, () => session, () => undefined);
    expect(await requestSession<TestSession>(opened, 'req-1', 1000)).toEqual(session);
  });

  it('no session comes from a tab that is signed out, or whose session has expired', async () => {
    const [signedOut, opened] = twoTabs();
    let current: TestSession | undefined;
    shareSession(signedOut, () => current, () => undefined);
    expect(await requestSession<TestSession>(opened, 'req-2', 150)).toBeUndefined();
    current = { token: 'jwt-2', expiresAt: anHourAgo(), name: 'Megan Hughes' };
    expect(await requestSession<TestSession>(opened, 'req-3', 150)).toBeUndefined();
  });

  it('with no other tab open, the new tab waits no longer than its timeout and has no session', async () => {
    expect(await requestSession<TestSession>(tab(), 'req-4', 50)).toBeUndefined();
  });

  it('signing out in one tab signs the others out', async () => {
    const [signingOut, other] = twoTabs();
    const signedOut = new Promise<void>((resolve) => shareSession(other, () => undefined, resolve));
    announceSignOut(signingOut);
    await expect(signedOut).resolves.toBeUndefined();
  });

  it('a stopped tab no longer answers', async () => {
    const [signedIn, opened] = twoTabs();
    const stop = shareSession(signedIn, () => ({ token: 'jwt-3', name: 'Helen Marshall' }), () => undefined);
    stop();
    expect(await requestSession<TestSession>(opened, 'req-5', 150)).toBeUndefined();
  });

  it('a session is usable until its expiry; one without an expiry is left to the API', () => {
    expect(usable({ token: 't', expiresAt: inAnHour() })).toBe(true);
    expect(usable({ token: 't', expiresAt: anHourAgo() })).toBe(false);
    expect(usable({ token: 't' })).toBe(true);
    expect(usable({ token: '' })).toBe(false);
    expect(usable(undefined)).toBe(false);
  });
});
