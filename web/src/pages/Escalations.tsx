import { Link, useSearchParams } from 'react-router-dom';
import { NoMoreItems, Pagination, pageCaption, usePagedList } from '../components/pagination';
import { LoadError, Loading, usePageTitle } from '../components/ui';
import { REGION_NAMES } from '../format';
import { useSession } from '../session';
import { AlertsTable } from './AlertsInbox';

const VIEWS = {
  waiting: { text: 'Waiting for a decision', status: 'escalated', empty: 'There are no escalations waiting for your decision.' },
  decided: { text: 'Decided', status: 'resolved', empty: 'You have not decided any escalations yet.' },
} as const;
type View = keyof typeof VIEWS;

/**
 * `/escalations`: alerts escalated to the ROCC in their regions. Waiting ones
 * need a decision; decided ones stay here (with their outcome and audit
 * trail on the alert's page) so the ROCC can look back at what was decided.
 */
export function Escalations() {
  const [params] = useSearchParams();
  const view: View = params.get('show') === 'decided' ? 'decided' : 'waiting';
  usePageTitle(view === 'decided' ? 'Decided escalations' : 'Escalations');
  const { session } = useSession();
  const paged = usePagedList('GET /v1/alerts', { query: { status: VIEWS[view].status } });
  const list = paged.list;
  const regions = (session?.claims.regions ?? []).map((r) => REGION_NAMES[r] ?? r).join(', ');
  return (
    <>
      <h1 className="govuk-heading-l">Escalations</h1>
      <p className="govuk-body">
        Alerts escalated to you{regions ? ` for ${regions}` : ''}: a ROCU head objected, nobody answered in 10 working days, or an HR
        lead referred a cap request. Uphold or overrule each one within 5 working days: after that the service applies the default
        outcome itself (as uphold: the officer released at the latest allowed date, the campaign capped to keep the ROCU at its minimum).
      </p>
      <nav aria-label="Which escalations" className="govuk-!-margin-bottom-4">
        <ul className="govuk-list app-filter-list">
          {(Object.keys(VIEWS) as View[]).map((v) => (
            <li key={v}>
              {v === view ? (
                <strong aria-current="page">{VIEWS[v].text}</strong>
              ) : (
                <Link className="govuk-link" to={v === 'waiting' ? '/escalations' : '/escalations?show=decided'}>
                  {VIEWS[v].text}
                </Link>
              )}
            </li>
          ))}
        </ul>
      </nav>
      {list.loading && !list.data ? <Loading what="Loading escalations" /> : null}
      {list.error ? <LoadError error={list.error} /> : null}
      {list.data && list.data.items.length === 0 && !paged.previous ? (
        <p className="govuk-body" data-testid="empty-state">
          {VIEWS[view].empty}
        </p>
      ) : null}
      {list.data && list.data.items.length > 0 ? (
        <AlertsTable items={list.data.items} caption={`Escalations ${view === 'decided' ? 'decided' : 'waiting for a decision'}${pageCaption(paged)}`} showOrg />
      ) : null}
      <NoMoreItems paged={paged} what="escalations" />
      <Pagination paged={paged} label="Escalations pages" />
    </>
  );
}
