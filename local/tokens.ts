import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  jwtVerify,
  SignJWT,
  type CryptoKey,
  type JWK,
} from 'jose';
import type { TokenVerifier } from './gateway/dispatch';

export type { TokenVerifier };

export const LOCAL_ISSUER = 'rocu-workforce-local';
export const LOCAL_AUDIENCE = 'rocu-workforce';
const ALG = 'ES256';
const DEFAULT_EXPIRES_IN = '8h';

const PRIVATE_FILE = 'signing-key.private.jwk.json';
const PUBLIC_FILE = 'signing-key.public.jwk.json';

/** The claims the service reads from a token (see API.md, "Identity"). */
export interface LocalClaims {
  sub: string;
  org: string;
  roles: string[];
  name?: string;
  officerId?: string;
  regions?: string[];
}

export interface IssueOptions {
  /** Seconds from now, or a jose time span such as `'8h'`. Negative seconds mint an already expired token (tests). */
  expiresIn?: number | string;
}

export type TokenIssuer = (claims: LocalClaims, options?: IssueOptions) => Promise<string>;

export interface LocalTokens {
  issueToken: TokenIssuer;
  verifyToken: TokenVerifier;
  /** Where the key pair lives. */
  keyDir: string;
}

interface SigningKey {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  kid: string;
}

/**
 * Create the private JWK file only if it is not there yet. Writing a temp file
 * and hard-linking it into place is atomic, so two processes starting at once
 * end up sharing one key instead of each overwriting the other's.
 */
function writeKeyOnce(path: string, jwk: JWK): void {
  const tmp = `${path}.${process.pid}.${randomUUID()}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(jwk, null, 2)}\n`, { mode: 0o600 });
  try {
    linkSync(tmp, path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    unlinkSync(tmp);
  }
}

async function loadOrCreateKey(keyDir: string): Promise<SigningKey> {
  mkdirSync(keyDir, { recursive: true, mode: 0o700 });
  const privatePath = join(keyDir, PRIVATE_FILE);
  if (!existsSync(privatePath)) {
    const pair = await generateKeyPair(ALG, { extractable: true });
    const jwk = await exportJWK(pair.privateKey);
    writeKeyOnce(privatePath, { ...jwk, alg: ALG, use: 'sig', kid: await calculateJwkThumbprint(jwk) });
  }
  // A key file someone copied in with loose permissions is tightened, not trusted as is.
  chmodSync(privatePath, 0o600);
  const privateJwk = JSON.parse(readFileSync(privatePath, 'utf8')) as JWK;
  if (privateJwk.kty !== 'EC' || privateJwk.crv !== 'P-256' || !privateJwk.d) {
    throw new Error(`${privatePath} is not an ES256 (P-256) private JWK; delete it to have a new key made`);
  }
  const { d: _d, ...publicJwk } = privateJwk;
  const kid = privateJwk.kid ?? (await calculateJwkThumbprint(publicJwk));
  // The public half is written for other tools (e.g. a JWKS in a test); the gateway itself derives it from the private file.
  writeFileSync(join(keyDir, PUBLIC_FILE), `${JSON.stringify({ ...publicJwk, kid }, null, 2)}\n`, { mode: 0o600 });
  return {
    privateKey: (await importJWK(privateJwk, ALG)) as CryptoKey,
    publicKey: (await importJWK(publicJwk, ALG)) as CryptoKey,
    kid,
  };
}

/**
 * The local identity provider: an ES256 key pair kept under `keyDir` (made on
 * first use, reused after a restart so tokens survive it), tokens issued for
 * the service's audience, and a verifier that accepts only what this key signed.
 */
export function createLocalTokens(options: { keyDir: string }): LocalTokens {
  const { keyDir } = options;
  let key: Promise<SigningKey> | undefined;
  const signingKey = () => {
    key ??= loadOrCreateKey(keyDir).catch((err: unknown) => {
      key = undefined;
      throw err;
    });
    return key;
  };

  const issueToken: TokenIssuer = async (claims, issue = {}) => {
    const { privateKey, kid } = await signingKey();
    const expiresIn = issue.expiresIn ?? DEFAULT_EXPIRES_IN;
    const now = Math.floor(Date.now() / 1000);
    const { sub, ...rest } = claims;
    return new SignJWT({ ...rest })
      .setProtectedHeader({ alg: ALG, typ: 'JWT', kid })
      .setSubject(sub)
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setIssuedAt(now)
      .setJti(randomUUID())
      // A number is relative seconds here; jose would read a bare number as an absolute time.
      .setExpirationTime(typeof expiresIn === 'number' ? now + expiresIn : expiresIn)
      .sign(privateKey);
  };

  const verifyToken: TokenVerifier = async (token) => {
    const { publicKey } = await signingKey();
    try {
      // Pinning the algorithm is what refuses `alg: none` and HS256-with-the-public-key tokens.
      const { payload } = await jwtVerify(token, publicKey, {
        algorithms: [ALG],
        issuer: LOCAL_ISSUER,
        audience: LOCAL_AUDIENCE,
        requiredClaims: ['sub', 'exp'],
      });
      return payload as Record<string, unknown>;
    } catch {
      return undefined;
    }
  };

  return { issueToken, verifyToken, keyDir };
}
