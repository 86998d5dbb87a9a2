import { useEffect, useState, type FormEvent } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { request } from '../api';
import { HostedSignIn } from '../auth/HostedSignIn';
import { appConfig } from '../config';
import { Button, ErrorSummary, Radios } from '../components/form';
import { LoadError, Loading, NotificationBanner, usePageTitle } from '../components/ui';
import { formErrors, formErrorsFrom, hasErrors, noErrors, type FormErrors } from '../errors';
import { ROLE_NAMES } from '../format';
import { useGet } from '../hooks';
import { homePathFor, useSession } from '../session';
import type { Claims, Persona } from '../types';

/** Only a path inside this app: `/alerts/alt_1`, never `//elsewhere.example`. */
function safeNext(next: string | null): string | undefined {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in') ? next : undefined;
}

/** Sign in: Cognito's hosted UI when config.json names it (AWS), else the local persona picker. */
export function SignIn() {
  const config = appConfig();
  return config.mode === 'cognito' ? <HostedSignIn config={config} /> : <PersonaSignIn />;
}

/**
 * The local persona picker: in a local run the gateway signs tokens for the
 * seeded demo users (`GET /local/personas`, `POST /local/token`). The token is
 * kept in sessionStorage, so it lasts as long as the browser tab.
 */
function PersonaSignIn() {
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const { session, signIn, signOut } = useSession();
  const personas = useGet<{ items: Persona[] }>('/local/personas');
  const [chosen, setChosen] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  usePageTitle('Sign in', hasErrors(errors));
  const signedOut = (location.state as { signedOut?: boolean } | null)?.signedOut;
  const expired = params.get('expired') === '1';
  // "Sign out" comes here with this state: the session ends once the protected page is gone.
  useEffect(() => {
    if (signedOut) signOut();
  }, [signedOut, signOut]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const check = formErrors([!chosen && ['persona', 'Select who you want to sign in as']]);
    setErrors(check);
    if (hasErrors(check)) return;
    const persona = personas.data?.items.find((p) => p.id === chosen);
    setBusy(true);
    try {
      const out = await request<{ token: string; claims: Claims; expiresAt?: string }>('POST', '/local/token', { body: { sub: chosen } });
      signIn({ token: out.token, claims: out.claims, name: persona?.name ?? chosen, ...(out.expiresAt ? { expiresAt: out.expiresAt } : {}) });
      navigate(safeNext(params.get('next')) ?? homePathFor(out.claims.roles), { replace: true });
    } catch (err) {
      setErrors(formErrorsFrom(err, { sub: 'Who you are signing in as' }));
      setBusy(false);
    }
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {signedOut ? (
          <NotificationBanner success title="Signed out">
            <p className="govuk-notification-banner__heading">You have signed out.</p>
          </NotificationBanner>
        ) : null}
        {expired ? (
          <NotificationBanner title="Important">
            <p className="govuk-notification-banner__heading">Your sign-in has ended. Sign in again to carry on.</p>
          </NotificationBanner>
        ) : null}
        <ErrorSummary errors={errors} />
        {personas.loading ? <Loading what="Loading the people you can sign in as" /> : null}
        {personas.error ? (
          <>
            <h1 className="govuk-heading-l">Sign in</h1>
            <p className="govuk-body">
              The local sign-in is not available. It works only when the service runs locally with <code>npm start</code>.
            </p>
            <LoadError error={personas.error} />
          </>
        ) : null}
        {personas.data ? (
          <form onSubmit={submit} noValidate>
            <Radios
              id="persona"
              legend={<h1 className="govuk-fieldset__heading">Who do you want to sign in as?</h1>}
              legendClass="govuk-fieldset__legend--l"
              hint={
                session
                  ? `You are signed in as ${session.name}. Choose someone to switch to.`
                  : 'This is a local demonstration: each person is a made-up user with their own role and organisation.'
              }
              error={errors.fields.persona}
              value={chosen}
              onChange={setChosen}
              items={personas.data.items.map((p) => ({
                value: p.id,
                text: p.name,
                hint: (
                  <>
                    {p.roles.map((r) => ROLE_NAMES[r] ?? r).join(', ')}, {p.org.toUpperCase()}
                    {p.description ? <>. {p.description}</> : null}
                  </>
                ),
              }))}
            />
            <Button busy={busy}>Sign in</Button>
          </form>
        ) : null}
      </div>
    </div>
  );
}
