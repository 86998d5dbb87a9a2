import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt, decodeProtectedHeader, generateKeyPair, importJWK, SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { createLocalTokens, LOCAL_AUDIENCE, LOCAL_ISSUER, type LocalClaims } from '../../local/tokens';

const tempDirs: string[] = [];
function keyDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rocu-keys-'));
  tempDirs.push(dir);
  return join(dir, 'keys');
}

afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

const titanHead: LocalClaims = { sub: 'titan-head', org: 'titan', roles: ['rocu-head'] };

describe('local tokens', () => {
  it('a token it issued verifies and carries the claims, issuer, audience and an 8 hour expiry', async () => {
    const tokens = createLocalTokens({ keyDir: keyDir() });
    const token = await tokens.issueToken({ ...titanHead, regions: ['north-west'], officerId: 'off-1' });
    const claims = await tokens.verifyToken(token);
    expect(claims).toMatchObject({
      sub: 'titan-head',
      org: 'titan',
      roles: ['rocu-head'],
      regions: ['north-west'],
      officerId: 'off-1',
      iss: LOCAL_ISSUER,
      aud: LOCAL_AUDIENCE,
    });
    const { exp, iat } = claims as { exp: number; iat: number };
    expect(exp - iat).toBe(8 * 60 * 60);
    expect(decodeProtectedHeader(token).alg).toBe('ES256');
  });

  it('an expired token is refused', async () => {
    const tokens = createLocalTokens({ keyDir: keyDir() });
    const token = await tokens.issueToken(titanHead, { expiresIn: -60 });
    expect(decodeJwt(token).exp).toBeLessThan(Date.now() / 1000);
    expect(await tokens.verifyToken(token)).toBeUndefined();
  });

  it('an unsigned (alg: none) token with the right claims is refused', async () => {
    const tokens = createLocalTokens({ keyDir: keyDir() });
    const token = new UnsecuredJWT({ org: 'nca', roles: ['admin'] })
      .setSubject('intruder')
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('1h')
      .encode();
    expect(decodeProtectedHeader(token).alg).toBe('none');
    expect(await tokens.verifyToken(token)).toBeUndefined();
  });

  it('an HS256 token is refused, even one keyed with the public key', async () => {
    const dir = keyDir();
    const tokens = createLocalTokens({ keyDir: dir });
    await tokens.issueToken(titanHead);
    // The classic confusion attack: HMAC keyed with the (public) verification key.
    const publicFile = readdirSync(dir).find((f) => f.includes('public'))!;
    const secret = new TextEncoder().encode(readFileSync(join(dir, publicFile), 'utf8'));
    const token = await new SignJWT({ org: 'nca', roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('intruder')
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setExpirationTime('1h')
      .sign(secret);
    expect(await tokens.verifyToken(token)).toBeUndefined();
  });

  it('a token signed by another ES256 key is refused', async () => {
    const tokens = createLocalTokens({ keyDir: keyDir() });
    const other = await generateKeyPair('ES256');
    const token = await new SignJWT({ org: 'titan', roles: ['rocu-head'] })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('titan-head')
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setExpirationTime('1h')
      .sign(other.privateKey);
    expect(await tokens.verifyToken(token)).toBeUndefined();
  });

  it('a token signed with the right key but for another audience or from another issuer is refused', async () => {
    const dir = keyDir();
    const tokens = createLocalTokens({ keyDir: dir });
    await tokens.issueToken(titanHead);
    // Sign with the gateway's own key, changing only the audience or the issuer.
    const privateFile = readdirSync(dir).find((f) => f.includes('private'))!;
    const privateKey = await importJWK(JSON.parse(readFileSync(join(dir, privateFile), 'utf8')), 'ES256');
    const sign = (iss: string, aud: string) =>
      new SignJWT({ org: 'titan', roles: ['rocu-head'] })
        .setProtectedHeader({ alg: 'ES256' })
        .setSubject('titan-head')
        .setIssuer(iss)
        .setAudience(aud)
        .setExpirationTime('1h')
        .sign(privateKey);
    expect(await tokens.verifyToken(await sign(LOCAL_ISSUER, LOCAL_AUDIENCE))).toBeDefined();
    expect(await tokens.verifyToken(await sign(LOCAL_ISSUER, 'some-other-api'))).toBeUndefined();
    expect(await tokens.verifyToken(await sign('someone-else', LOCAL_AUDIENCE))).toBeUndefined();
  });

  it('garbage in place of a token is refused, not thrown', async () => {
    const tokens = createLocalTokens({ keyDir: keyDir() });
    for (const junk of ['', 'abc', 'a.b.c', 'eyJhbGciOiJFUzI1NiJ9..']) {
      expect(await tokens.verifyToken(junk)).toBeUndefined();
    }
  });

  it('the key survives a restart: a second issuer on the same folder accepts the first one’s tokens', async () => {
    const dir = keyDir();
    const first = createLocalTokens({ keyDir: dir });
    const token = await first.issueToken(titanHead);
    const second = createLocalTokens({ keyDir: dir });
    expect(await second.verifyToken(token)).toMatchObject({ sub: 'titan-head' });
    expect(await first.verifyToken(await second.issueToken(titanHead))).toMatchObject({ sub: 'titan-head' });
  });

  it('the private key file is readable by its owner only', async () => {
    const dir = keyDir();
    await createLocalTokens({ keyDir: dir }).issueToken(titanHead);
    const files = readdirSync(dir);
    expect(files.some((f) => f.includes('private'))).toBe(true);
    for (const file of files) expect(statSync(join(dir, file)).mode & 0o077).toBe(0);
  });

  it('two issuers starting at once on an empty folder end up with one shared key', async () => {
    const dir = keyDir();
    const [a, b] = [createLocalTokens({ keyDir: dir }), createLocalTokens({ keyDir: dir })];
    const [tokenA, tokenB] = await Promise.all([a.issueToken(titanHead), b.issueToken(titanHead)]);
    expect(await b.verifyToken(tokenA)).toBeDefined();
    expect(await a.verifyToken(tokenB)).toBeDefined();
  });
});
