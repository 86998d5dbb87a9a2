import { LoadError, Loading, usePageTitle } from '../components/ui';
import { REGION_NAMES } from '../format';
import { useApi } from '../hooks';
import { useSession } from '../session';
import { AlertsTable } from './AlertsInbox';

/** `/escalations`: objections and unanswered alerts in the ROCC's regions, waiting for a decision. */
export function Escalations() {
  usePageTitle('Escalations');
  const { session } = useSession();
  const list = useApi('GET /v1/alerts', { query: { status: 'escalated', limit: 100 } });
  const regions = (session?.claims.regions ?? []).map((r) => REGION_NAMES[r] ?? r).join(', ');
  return (
    <>
      <h1 className="govuk-heading-l">Escalations</h1>
      <p className="govuk-body">
        Alerts escalated to you{regions ? ` for ${regions}` : ''}: a ROCU head objected, nobody answered in 10 working days, or an HR
        lead referred a cap request. Uphold or overrule each one within 5 working days: after that the service applies the default
        outcome itself (as uphold: the officer released at the latest allowed date, the campaign capped to keep the ROCU at its minimum).
      </p>
      {list.loading && !list.data ? <Loading what="Loading escalations" /> : null}
      {list.error ? <LoadError error={list.error} /> : null}
      {list.data && list.data.items.length === 0 ? (
        <p className="govuk-body" data-testid="empty-state">
          There are no escalations waiting for your decision.
        </p>
      ) : null}
      {list.data && list.data.items.length > 0 ? <AlertsTable items={list.data.items} caption="Escalations waiting for a decision" showOrg /> : null}
    </>
  );
}
