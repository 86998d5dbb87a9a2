import { useEffect, useRef, useState } from 'react';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { Button } from '../components/form';
import { Loading, NotificationBanner, usePageTitle } from '../components/ui';
import { appConfig, type AppConfig } from '../config';
import { homePathFor, useSession } from '../session';
import type { Claims, Role } from '../types';
import { authorizeUrl, claimsFromPayload, codeChallenge, createVerifier, jwtPayload, logoutUrl, randomString, readCallback, tokenRequest } from './pkce';

type CognitoConfig = Extract<AppConfig, { mode: 'cognito' }>;

/** What this tab sent to the hosted UI: checked and removed when it comes back. */
const PENDING_KEY = 'rocu-workforce.sign-in';

interface Pending {
  state: string;
  verifier: string;
  next?: string;
}

/** Only a path inside this app: `/alerts/alt_1`, never `//elsewhere.example`. */
function safeNext(next: string | null | undefined): string | undefined {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in') && !next.startsWith('/auth/') ? next : undefined;
}

/**
 * Sign-in in AWS: Cognito's hosted UI with the authorization code flow and
 * PKCE. "Sign in" stores a fresh state and code verifier in this tab and goes
 * to the hosted UI; /auth/callback finishes. "Sign out" (this page with
 * `signedOut` state) ends the session here and at Cognito.
 */
export function HostedSignIn({ config }: { config: CognitoConfig }) {
  const [params] = useSearchParams();
  const location = useLocation();
  const { signOut } = useSession();
  const [busy, setBusy] = useState(false);
  const signedOut = (location.state as { signedOut?: boolean } | null)?.signedOut;
  usePageTitle(signedOut ? 'Signing out' : 'Sign in');
  useEffect(() => {
    if (!signedOut) return;
    signOut();
    window.location.assign(logoutUrl(config));
  }, [signedOut, signOut, config]);

  const start = async () => {
    setBusy(true);
    const verifier = createVerifier(window.crypto);
    const pending: Pending = { state: randomString(window.crypto), verifier };
    const next = safeNext(params.get('next'));
    if (next) pending.next = next;
    sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
    window.location.assign(authorizeUrl(config, pending.state, await codeChallenge(window.crypto, verifier)));
  };

  if (signedOut) return <Loading what="Signing you out" />;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {params.get('expired') === '1' ? (
          <NotificationBanner title="Important">
            <p className="govuk-notification-banner__heading">Your sign-in has ended. Sign in again to carry on.</p>
          </NotificationBanner>
        ) : null}
        <h1 className="govuk-heading-l">Sign in</h1>
        <p className="govuk-body">Sign in with your work email address, your password and the code from your authenticator app.</p>
        <Button type="button" busy={busy} onClick={() => void start()}>
          Sign in
        </Button>
      </div>
    </div>
  );
}

/** `/auth/callback`: check the state, trade the code for tokens, and start the session. */
export function AuthCallback({ config }: { config: CognitoConfig }) {
  const location = useLocation();
  const navigate = useNavigate();
  const { signIn } = useSession();
  const [error, setError] = useState<string | undefined>();
  const started = useRef(false);
  usePageTitle(error ? 'Sign-in failed' : 'Signing in', !!error);

  useEffect(() => {
    // A code can be traded once: React's development double effect must not try twice.
    if (started.current) return;
    started.current = true;
    const raw = sessionStorage.getItem(PENDING_KEY);
    sessionStorage.removeItem(PENDING_KEY);
    let pending: Pending | undefined;
    try {
      pending = raw ? (JSON.parse(raw) as Pending) : undefined;
    } catch {
      pending = undefined;
    }
    const answer = readCallback(location.search, pending?.state ?? null);
    if ('error' in answer || !pending) {
      setError('error' in answer ? answer.error : 'This browser did not start a sign-in.');
      return;
    }
    const { url, body } = tokenRequest(config, answer.code, pending.verifier);
    const next = pending.next;
    void (async () => {
      try {
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
        if (!res.ok) throw new Error(`The sign-in service answered ${res.status}.`);
        const tokens = (await res.json()) as { access_token: string; id_token?: string; expires_in?: number };
        const claims = claimsFromPayload(jwtPayload(tokens.access_token));
        const id = tokens.id_token ? jwtPayload(tokens.id_token) : {};
        const name = [id.name, id.email, claims.sub].find((v): v is string => typeof v === 'string' && v !== '') ?? 'you';
        const expiresAt = new Date(Date.now() + (tokens.expires_in ?? 3600) * 1000).toISOString();
        signIn({ token: tokens.access_token, claims: claims as Claims, name, expiresAt });
        navigate(safeNext(next) ?? homePathFor(claims.roles as Role[]), { replace: true });
      } catch (err) {
        setError(err instanceof Error ? err.message : 'The sign-in could not be finished.');
      }
    })();
  }, [config, location.search, navigate, signIn]);

  if (!error) return <Loading what="Signing you in" />;
  return (
    <>
      <div className="govuk-error-summary" data-module="govuk-error-summary" role="alert" tabIndex={-1}>
        <h2 className="govuk-error-summary__title">There is a problem</h2>
        <div className="govuk-error-summary__body">
          <p className="govuk-body">{error}</p>
        </div>
      </div>
      <h1 className="govuk-heading-l">Sign-in failed</h1>
      <p className="govuk-body">
        <Link className="govuk-link" to="/sign-in">
          Try signing in again
        </Link>
      </p>
    </>
  );
}

/** The hosted UI's return address; locally (no hosted UI) it is just the sign-in page. */
export function AuthCallbackRoute() {
  const config = appConfig();
  return config.mode === 'cognito' ? <AuthCallback config={config} /> : <Navigate to="/sign-in" replace />;
}
