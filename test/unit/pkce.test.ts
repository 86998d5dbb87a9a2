import { createHash, webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  authorizeUrl,
  base64url,
  claimsFromPayload,
  codeChallenge,
  createVerifier,
  jwtPayload,
  logoutUrl,
  readCallback,
  tokenRequest,
  VERIFIER_CHARSET,
  type WebCrypto,
} from '../../web/src/auth/pkce';

const crypto = webcrypto as unknown as WebCrypto;
const ui = {
  cognitoDomain: 'https://rocu-workforce-dev.auth.eu-west-2.amazoncognito.com/',
  clientId: 'client123',
  redirectUri: 'https://d111.cloudfront.net/auth/callback',
  logoutUri: 'https://d111.cloudfront.net/',
};

describe('PKCE (RFC 7636) helpers', () => {
  it('makes verifiers of 43 to 128 unreserved characters, different every time', () => {
    const verifiers = Array.from({ length: 50 }, () => createVerifier(crypto));
    for (const v of verifiers) {
      expect(v.length).toBeGreaterThanOrEqual(43);
      expect(v.length).toBeLessThanOrEqual(128);
      expect(v).toMatch(VERIFIER_CHARSET);
    }
    expect(new Set(verifiers).size).toBe(50);
  });

  it('computes the S256 challenge as base64url(SHA-256(verifier)), no padding', async () => {
    const verifier = createVerifier(crypto);
    const expected = createHash('sha256').update(verifier).digest('base64url');
    await expect(codeChallenge(crypto, verifier)).resolves.toBe(expected);
  });

  it("matches RFC 7636 appendix B's example", async () => {
    await expect(codeChallenge(crypto, 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).resolves.toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('refuses a verifier that is too short or has characters outside the set', async () => {
    await expect(codeChallenge(crypto, 'short')).rejects.toThrow(/43 to 128/);
    await expect(codeChallenge(crypto, `${'a'.repeat(43)} +/`)).rejects.toThrow(/43 to 128/);
  });

  it('base64url uses - and _ and drops padding', () => {
    expect(base64url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
    expect(base64url(new Uint8Array([0x66]))).toBe('Zg');
  });
});

describe('the hosted UI requests', () => {
  it('authorize: code flow, S256 challenge, state, the registered redirect', () => {
    const url = new URL(authorizeUrl(ui, 'st4te', 'ch4llenge'));
    expect(url.origin + url.pathname).toBe('https://rocu-workforce-dev.auth.eu-west-2.amazoncognito.com/oauth2/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'client123',
      redirect_uri: 'https://d111.cloudfront.net/auth/callback',
      scope: 'openid email profile',
      state: 'st4te',
      code_challenge_method: 'S256',
      code_challenge: 'ch4llenge',
    });
  });

  it('token: the code with its verifier, posted as a form to /oauth2/token', () => {
    const { url, body } = tokenRequest(ui, 'c0de', 'v'.repeat(43));
    expect(url).toBe('https://rocu-workforce-dev.auth.eu-west-2.amazoncognito.com/oauth2/token');
    expect(Object.fromEntries(body)).toEqual({
      grant_type: 'authorization_code',
      client_id: 'client123',
      code: 'c0de',
      redirect_uri: 'https://d111.cloudfront.net/auth/callback',
      code_verifier: 'v'.repeat(43),
    });
  });

  it('logout: /logout with the client and the registered logout URI', () => {
    const url = new URL(logoutUrl(ui));
    expect(url.pathname).toBe('/logout');
    expect(url.searchParams.get('client_id')).toBe('client123');
    expect(url.searchParams.get('logout_uri')).toBe('https://d111.cloudfront.net/');
  });
});

describe('the callback', () => {
  it('gives the code when the state is the one this tab sent', () => {
    expect(readCallback('?code=abc&state=s1', 's1')).toEqual({ code: 'abc' });
  });

  it('refuses another state, a missing stored state, or no code', () => {
    expect(readCallback('?code=abc&state=forged', 's1')).toHaveProperty('error');
    expect(readCallback('?code=abc&state=s1', null)).toHaveProperty('error');
    expect(readCallback('?state=s1', 's1')).toHaveProperty('error');
  });

  it("passes on the hosted UI's error", () => {
    expect(readCallback('?error=access_denied&error_description=Cancelled&state=s1', 's1')).toEqual({ error: 'Cancelled' });
  });
});

describe('the access token', () => {
  const token = (payload: object) => `h.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.sig`;

  it("reads the service's claims the pre-token-generation trigger adds", () => {
    const payload = jwtPayload(token({ sub: 'u1', org: 'titan', roles: ['rocu-head'], regions: ['north-west'], officerId: 'off_1', name: 'Zoë' }));
    expect(claimsFromPayload(payload)).toEqual({ sub: 'u1', org: 'titan', roles: ['rocu-head'], regions: ['north-west'], officerId: 'off_1' });
    expect(payload.name).toBe('Zoë');
  });

  it('falls back to the Cognito groups for roles', () => {
    expect(claimsFromPayload({ sub: 'u1', org: 'nca', 'cognito:groups': ['hr-lead'] }).roles).toEqual(['hr-lead']);
  });
});
