import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { homePathFor, useSession } from '../session';
import { useReference } from '../reference';
import { ROLE_NAMES } from '../format';
import type { Role } from '../types';
import { SERVICE_NAME } from './ui';

interface NavItem {
  to: string;
  text: string;
  roles: Role[];
}

/**
 * The service navigation: what each role comes here to do. Labels are short so
 * the busiest menu (an HR lead's) stays on one row at desktop width; each page's
 * heading gives the full name.
 */
const NAV: NavItem[] = [
  { to: '/campaigns', text: 'Campaigns', roles: ['hr-lead', 'rocu-head', 'rocc', 'admin'] },
  { to: '/alerts', text: 'Alerts', roles: ['rocu-head', 'hr-lead'] },
  { to: '/escalations', text: 'Escalations', roles: ['rocc'] },
  { to: '/baselines', text: 'Baselines', roles: ['rocu-head', 'hr-lead'] },
  { to: '/forecast', text: 'Forecast', roles: ['rocu-head', 'hr-lead', 'rocc'] },
  { to: '/placements', text: 'Placements', roles: ['hr-lead'] },
  { to: '/secondments/home', text: 'Secondments', roles: ['rocu-head', 'hr-lead'] },
  { to: '/officers', text: 'Officers', roles: ['hr-lead', 'rocu-head'] },
  { to: '/vacancies', text: 'Vacancies', roles: ['officer'] },
  { to: '/placements', text: 'Secondments', roles: ['officer'] },
  { to: '/applications', text: 'My applications', roles: ['officer'] },
  { to: '/courses', text: 'Courses', roles: ['officer', 'hr-lead'] },
  { to: '/pip', text: 'My PIP record', roles: ['officer'] },
  { to: '/reports', text: 'Reports', roles: ['rocu-head', 'hr-lead', 'rocc'] },
  { to: '/admin/organisations', text: 'Organisations', roles: ['admin'] },
  { to: '/admin/capabilities', text: 'Capabilities', roles: ['admin'] },
  { to: '/admin/contacts', text: 'Contacts', roles: ['admin'] },
  { to: '/admin/roles', text: 'Roles and personas', roles: ['admin'] },
];

// govuk-frontend's own breakpoint for the service navigation's menu button.
const MOBILE = '(max-width: 40.0525em)';

function useIsMobile(): boolean {
  const [mobile, setMobile] = useState(() => window.matchMedia(MOBILE).matches);
  useEffect(() => {
    const mql = window.matchMedia(MOBILE);
    const onChange = () => setMobile(mql.matches);
    mql.addEventListener('change', onChange);
    return () => mql.removeEventListener('change', onChange);
  }, []);
  return mobile;
}

function ServiceNavigation() {
  const { session } = useSession();
  const location = useLocation();
  const mobile = useIsMobile();
  const [open, setOpen] = useState(false);
  useEffect(() => setOpen(false), [location.pathname]);
  const roles = session?.claims.roles ?? [];
  const items = NAV.filter((item) => item.roles.some((r) => roles.includes(r)));
  const home = session ? homePathFor(roles) : '/sign-in';
  const listHidden = mobile && !open;
  return (
    <section className="govuk-service-navigation" aria-label="Service information" data-module="govuk-service-navigation">
      <div className="govuk-width-container">
        <div className="govuk-service-navigation__container">
          <span className="govuk-service-navigation__service-name">
            <Link to={home} className="govuk-service-navigation__link">
              {SERVICE_NAME}
            </Link>
          </span>
          {session ? (
            <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
              <button
                type="button"
                className="govuk-service-navigation__toggle"
                aria-controls="navigation"
                aria-expanded={open}
                hidden={!mobile}
                onClick={() => setOpen((v) => !v)}
              >
                Menu
              </button>
              <ul className="govuk-service-navigation__list" id="navigation" hidden={listHidden}>
                {items.map((item) => {
                  const exact = location.pathname === item.to;
                  const active = exact || location.pathname.startsWith(`${item.to}/`);
                  return (
                    <li key={item.to} className={`govuk-service-navigation__item${active ? ' govuk-service-navigation__item--active' : ''}`}>
                      <Link to={item.to} className="govuk-service-navigation__link" aria-current={exact ? 'page' : active ? 'true' : undefined}>
                        {active ? <strong className="govuk-service-navigation__active-fallback">{item.text}</strong> : item.text}
                      </Link>
                    </li>
                  );
                })}
              </ul>
            </nav>
          ) : null}
        </div>
      </div>
    </section>
  );
}

/**
 * The header: the service's owners and, once signed in, "Sign out". Signing out
 * is about the person's account, not the service, so it sits here rather than
 * among the service navigation's links (the GOV.UK service navigation guidance).
 */
function Header() {
  const { session } = useSession();
  const navigate = useNavigate();
  return (
    <header className="govuk-header" data-module="govuk-header">
      <div className="govuk-header__container govuk-width-container app-header__container">
        <div className="govuk-header__logo">
          {/* Not a GOV.UK service: no crown or GOV.UK logotype, just the service's owners. */}
          <span className="govuk-header__product-name app-header__owners">National Crime Agency and Regional Organised Crime Units</span>
        </div>
        {session ? (
          <nav className="app-header__account" aria-label="Account">
            <button
              type="button"
              className="app-header__sign-out"
              onClick={() => {
                // The sign-in page ends the session. Ending it here first would make this protected
                // page send the user to sign in and back to it.
                navigate('/sign-in', { state: { signedOut: true } });
              }}
            >
              Sign out
            </button>
          </nav>
        ) : null}
      </div>
    </header>
  );
}

function SignedInAs() {
  const { session } = useSession();
  const { orgName } = useReference();
  if (!session) return null;
  const roles = session.claims.roles.map((r) => ROLE_NAMES[r] ?? r).join(', ');
  return (
    <p className="govuk-body-s app-signed-in" data-testid="signed-in-as">
      Signed in as <strong>{session.name}</strong>, {roles}, {orgName(session.claims.org)}
    </p>
  );
}

/**
 * The page frame: skip link, header, service navigation, main and footer. On
 * each navigation inside the app, focus moves to the main content, as a full
 * page load would put a screen reader back at the top.
 */
export function Layout({ children }: { children: ReactNode }) {
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (!location.hash) mainRef.current?.focus({ preventScroll: false });
  }, [location.pathname]);
  return (
    <>
      <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link">
        Skip to main content
      </a>
      <Header />
      <ServiceNavigation />
      <div className="govuk-width-container">
        <div className="govuk-phase-banner">
          <p className="govuk-phase-banner__content">
            <strong className="govuk-tag govuk-phase-banner__content__tag">Alpha</strong>
            <span className="govuk-phase-banner__text">A local demonstration with made-up people and teams.</span>
          </p>
        </div>
        <SignedInAs />
        <main className="govuk-main-wrapper" id="main-content" ref={mainRef} tabIndex={-1}>
          {children}
        </main>
      </div>
      <footer className="govuk-footer">
        <div className="govuk-width-container">
          <div className="govuk-footer__meta">
            <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
              <h2 className="govuk-visually-hidden">Support links</h2>
              <ul className="govuk-footer__inline-list">
                <li className="govuk-footer__inline-list-item">
                  <a className="govuk-footer__link" href="/v1/openapi.json">
                    API description (OpenAPI)
                  </a>
                </li>
              </ul>
              <p className="govuk-body-s app-footer-note">
                Joint workforce coordination for the National Crime Agency and the ten Regional Organised Crime Units.
              </p>
            </div>
          </div>
        </div>
      </footer>
    </>
  );
}
