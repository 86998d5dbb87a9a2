/**
 * OAuth 2.0 authorization code flow with PKCE (RFC 7636) against Cognito's
 * hosted UI, as pure functions: no storage, no navigation, no globals except
 * the Web Crypto object passed in, so node and the browser run the same code
 * and the unit tests check it.
 */

/** The part of Web Crypto these helpers use (the browser's `window.crypto`, node's `webcrypto`). */
export interface WebCrypto {
  getRandomValues<T extends Uint8Array>(array: T): T;
  subtle: { digest(algorithm: 'SHA-256', data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer> };
}

/** RFC 7636 §4.1: the verifier's characters (unreserved URI characters). */
export const VERIFIER_CHARSET = /^[A-Za-z0-9\-._~]+$/;

/** base64url without padding (RFC 4648 §5), as PKCE and JWTs use. */
export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A random string of `bytes` random bytes, base64url: 32 bytes → 43 characters. */
export function randomString(crypto: WebCrypto, bytes = 32): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** A code verifier: 64 random bytes → 86 characters, inside RFC 7636's 43–128. */
export function createVerifier(crypto: WebCrypto): string {
  return randomString(crypto, 64);
}

/** The S256 code challenge: base64url(SHA-256(ASCII(verifier))). */
export async function codeChallenge(crypto: WebCrypto, verifier: string): Promise<string> {
  if (verifier.length < 43 || verifier.length > 128 || !VERIFIER_CHARSET.test(verifier)) {
    throw new Error('A PKCE code verifier is 43 to 128 unreserved characters.');
  }
  const digest = await crypto.subtle.digest('SHA-256', new Uint8Array(new TextEncoder().encode(verifier)));
  return base64url(new Uint8Array(digest));
}

export interface HostedUi {
  /** `https://<prefix>.auth.<region>.amazoncognito.com`, no trailing slash needed. */
  cognitoDomain: string;
  clientId: string;
  redirectUri: string;
  logoutUri: string;
}

const trim = (url: string) => url.replace(/\/+$/, '');

/** Where to send the browser to sign in: Cognito's /oauth2/authorize with the S256 challenge and state. */
export function authorizeUrl(ui: HostedUi, state: string, challenge: string): string {
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: ui.clientId,
    redirect_uri: ui.redirectUri,
    scope: 'openid email profile',
    state,
    code_challenge_method: 'S256',
    code_challenge: challenge,
  });
  return `${trim(ui.cognitoDomain)}/oauth2/authorize?${params.toString()}`;
}

/** The token endpoint and its form body that trades the code (and the verifier) for tokens. */
export function tokenRequest(ui: HostedUi, code: string, verifier: string): { url: string; body: URLSearchParams } {
  return {
    url: `${trim(ui.cognitoDomain)}/oauth2/token`,
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: ui.clientId,
      code,
      redirect_uri: ui.redirectUri,
      code_verifier: verifier,
    }),
  };
}

/** Cognito's /logout, which ends the hosted UI's own session and comes back to `logoutUri`. */
export function logoutUrl(ui: HostedUi): string {
  const params = new URLSearchParams({ client_id: ui.clientId, logout_uri: ui.logoutUri });
  return `${trim(ui.cognitoDomain)}/logout?${params.toString()}`;
}

/**
 * The callback's answer: the code when `state` is the one this tab sent, an
 * error otherwise (a forged or replayed callback, or the user cancelled).
 */
export function readCallback(
  search: string,
  expectedState: string | null,
): { code: string } | { error: string } {
  const params = new URLSearchParams(search);
  const error = params.get('error');
  if (error) return { error: params.get('error_description') ?? error };
  const code = params.get('code');
  const state = params.get('state');
  if (!code || !state) return { error: 'The sign-in answer had no code.' };
  if (!expectedState || state !== expectedState) return { error: 'The sign-in answer did not match the sign-in this browser started.' };
  return { code };
}

/** The payload of a JWT, unverified: the API verifies the token; the app only reads who it names. */
export function jwtPayload(token: string): Record<string, unknown> {
  const part = token.split('.')[1];
  if (!part) throw new Error('Not a JWT.');
  const padded = part.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (part.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

/** The service claims the pre-token-generation trigger puts in the access token (arrays in a JWT itself). */
export function claimsFromPayload(payload: Record<string, unknown>): {
  sub: string;
  org: string;
  roles: string[];
  officerId?: string;
  regions?: string[];
} {
  const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const sub = typeof payload.sub === 'string' ? payload.sub : '';
  const org = typeof payload.org === 'string' ? payload.org : '';
  const roles = list(payload.roles).length > 0 ? list(payload.roles) : list(payload['cognito:groups']);
  return {
    sub,
    org,
    roles,
    ...(typeof payload.officerId === 'string' ? { officerId: payload.officerId } : {}),
    ...(list(payload.regions).length > 0 ? { regions: list(payload.regions) } : {}),
  };
}
