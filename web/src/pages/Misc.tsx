import { Link, Navigate } from 'react-router-dom';
import { usePageTitle } from '../components/ui';
import { homePathFor, useSession } from '../session';

/** `/`: the signed-in user's own starting page, or the sign-in page. */
export function Home() {
  const { session } = useSession();
  return <Navigate to={session ? homePathFor(session.claims.roles) : '/sign-in'} replace />;
}

export function NotFound() {
  usePageTitle('Page not found');
  return (
    <>
      <h1 className="govuk-heading-l">Page not found</h1>
      <p className="govuk-body">If you typed the web address, check it is correct.</p>
      <p className="govuk-body">If you pasted the web address, check you copied the entire address.</p>
      <p className="govuk-body">
        <Link className="govuk-link" to="/">
          Go to your home page
        </Link>
      </p>
    </>
  );
}

export function Forbidden() {
  usePageTitle('You cannot use this page');
  const { session } = useSession();
  return (
    <>
      <h1 className="govuk-heading-l">You cannot use this page</h1>
      <p className="govuk-body">This page is for people with a different role from yours.</p>
      <p className="govuk-body">
        <Link className="govuk-link" to={session ? homePathFor(session.claims.roles) : '/sign-in'}>
          Go to your home page
        </Link>{' '}
        or{' '}
        <Link className="govuk-link" to="/sign-in">
          sign in as someone else
        </Link>
        .
      </p>
    </>
  );
}
