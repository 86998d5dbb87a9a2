/**
 * Sharing the sign-in between this service's open tabs.
 *
 * The session (the bearer token and its claims) is kept in each tab's
 * sessionStorage, never in localStorage: it lives only as long as the tabs
 * that hold it, so closing the browser on a shared machine ends it, and
 * nothing written to disk outlives the token. A link opened in a new tab
 * starts with an empty sessionStorage, so the new tab asks the open ones over
 * a BroadcastChannel (same origin only, nothing leaves the browser) and takes
 * the session one of them offers, if it has not expired. Signing out in one
 * tab signs every tab out.
 */

/** What a tab keeps of its sign-in (`Session` in session.tsx). */
export interface SharedSession {
  token: string;
  expiresAt?: string;
}

type Message<S> = { type: 'session-request'; id: string } | { type: 'session-offer'; id: string; session: S } | { type: 'signed-out' };

/** The part of a BroadcastChannel this uses, so a test can pass two connected ends. */
export interface ShareChannel {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  removeEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

/** Whether a session may still be used at `now`: one without an expiry is left to the API's 401. */
export function usable<S extends SharedSession>(session: S | undefined, now = Date.now()): session is S {
  return !!session && !!session.token && (!session.expiresAt || Date.parse(session.expiresAt) > now);
}

function isMessage<S>(data: unknown): data is Message<S> {
  return typeof data === 'object' && data !== null && typeof (data as { type?: unknown }).type === 'string';
}

/**
 * While this tab is open: answer another tab's request with this tab's
 * session (when it has a usable one), and call `onSignedOut` when another tab
 * signs out. Returns the function that stops listening.
 */
export function shareSession<S extends SharedSession>(channel: ShareChannel, current: () => S | undefined, onSignedOut: () => void): () => void {
  const listener = (event: { data: unknown }) => {
    const message = event.data;
    if (!isMessage<S>(message)) return;
    if (message.type === 'session-request') {
      const session = current();
      if (usable(session)) channel.postMessage({ type: 'session-offer', id: message.id, session } satisfies Message<S>);
    } else if (message.type === 'signed-out') {
      onSignedOut();
    }
  };
  channel.addEventListener('message', listener);
  return () => channel.removeEventListener('message', listener);
}

/** Tell the other tabs this person signed out, so none stays signed in. */
export function announceSignOut(channel: ShareChannel): void {
  channel.postMessage({ type: 'signed-out' } satisfies Message<never>);
}

/**
 * Ask the other open tabs for their session: the first usable one offered
 * within `timeoutMs`, or undefined when no tab answers (none is open, or none
 * is signed in).
 */
export function requestSession<S extends SharedSession>(channel: ShareChannel, id: string, timeoutMs: number): Promise<S | undefined> {
  return new Promise((resolve) => {
    const listener = (event: { data: unknown }) => {
      const message = event.data;
      if (!isMessage<S>(message) || message.type !== 'session-offer' || message.id !== id || !usable(message.session)) return;
      done(message.session);
    };
    const timer = setTimeout(() => done(undefined), timeoutMs);
    function done(session: S | undefined) {
      clearTimeout(timer);
      channel.removeEventListener('message', listener);
      resolve(session);
    }
    channel.addEventListener('message', listener);
    channel.postMessage({ type: 'session-request', id } satisfies Message<S>);
  });
}
