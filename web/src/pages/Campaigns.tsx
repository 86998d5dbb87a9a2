import { Link, useSearchParams } from 'react-router-dom';
import { CampaignStatusTag, LoadError, Loading, TableWrapper, usePageTitle } from '../components/ui';
import { CAMPAIGN_STATUS, formatDate } from '../format';
import { NoMoreItems, Pagination, usePagedList } from '../components/pagination';
import { useReference } from '../reference';
import { useSession } from '../session';
import type { CampaignSummary } from '../types';

const FILTERS = ['', 'draft', 'consultation', 'open', 'closed'] as const;

/** `/campaigns`: every campaign the caller can see, filtered by status; HR leads start new ones here. */
export function Campaigns() {
  usePageTitle('Campaigns');
  const [params] = useSearchParams();
  const status = params.get('status') ?? '';
  const { hasRole } = useSession();
  const { orgName, capabilityName } = useReference();
  const paged = usePagedList('GET /v1/campaigns', { query: { status: (status || undefined) as CampaignSummary['status'] | undefined } });
  const list = paged.list;
  return (
    <>
      <h1 className="govuk-heading-l">Campaigns</h1>
      {hasRole('hr-lead') ? (
        <Link to="/campaigns/new" role="button" draggable="false" className="govuk-button" data-module="govuk-button">
          Create a campaign
        </Link>
      ) : null}
      <nav aria-label="Filter campaigns by status" className="govuk-!-margin-bottom-4">
        <ul className="govuk-list app-filter-list">
          {FILTERS.map((f) => (
            <li key={f || 'all'}>
              {f === status ? (
                <strong aria-current="page">{f ? CAMPAIGN_STATUS[f]?.text : 'All'}</strong>
              ) : (
                <Link className="govuk-link" to={f ? `/campaigns?status=${f}` : '/campaigns'}>
                  {f ? CAMPAIGN_STATUS[f]?.text : 'All'}
                </Link>
              )}
            </li>
          ))}
        </ul>
      </nav>
      {list.loading && !list.data ? <Loading what="Loading campaigns" /> : null}
      {list.error ? <LoadError error={list.error} /> : null}
      {list.data && list.data.items.length === 0 && !paged.previous ? (
        <p className="govuk-body" data-testid="empty-state">
          {status ? `There are no campaigns with the status ${CAMPAIGN_STATUS[status]?.text.toLowerCase() ?? status}.` : 'There are no campaigns yet.'}
        </p>
      ) : null}
      {list.data && list.data.items.length > 0 ? (
        <TableWrapper label="Campaigns">
          <table className="govuk-table" data-testid="campaigns-table">
            <caption className="govuk-table__caption govuk-visually-hidden">Campaigns{status ? `: ${CAMPAIGN_STATUS[status]?.text}` : ''}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Campaign</th>
                <th scope="col" className="govuk-table__header">Capability</th>
                <th scope="col" className="govuk-table__header">Run by</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Posts</th>
                <th scope="col" className="govuk-table__header">Closes</th>
                <th scope="col" className="govuk-table__header">Status</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {list.data.items.map((c) => (
                <tr className="govuk-table__row" key={c.id}>
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={`/campaigns/${c.id}`}>
                      {c.title}
                    </Link>
                  </td>
                  <td className="govuk-table__cell">{capabilityName(c.capabilityId)}</td>
                  <td className="govuk-table__cell">{orgName(c.ownerOrgId)}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{c.posts ?? <span className="app-not-yet">Not added yet</span>}</td>
                  <td className="govuk-table__cell app-nowrap">{c.closesOn ? formatDate(c.closesOn) : <span className="app-not-yet">Not added yet</span>}</td>
                  <td className="govuk-table__cell">
                    <CampaignStatusTag status={c.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrapper>
      ) : null}
      <NoMoreItems paged={paged} what="campaigns" />
      <Pagination paged={paged} label="Campaigns pages" />
    </>
  );
}
