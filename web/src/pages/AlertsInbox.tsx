import { Link, useSearchParams } from 'react-router-dom';
import { AlertStatusTag, LevelTag, LoadError, Loading, TableWrapper, usePageTitle } from '../components/ui';
import { ALERT_KIND, LEVEL_ORDER, LEVEL_TEXT, formatDate, formatDateTime, plural } from '../format';
import { NoMoreItems, Pagination, pageCaption, usePagedList } from '../components/pagination';
import { useApiAll } from '../hooks';
import { useReference } from '../reference';
import { useSession } from '../session';
import type { AlertSummary } from '../types';

/** Still waiting on someone: the ROCU head, the campaign's HR lead (a cap) or the ROCC. */
export const OUTSTANDING_ALERT = new Set(['open', 'cap-requested', 'escalated']);

export function AlertsTable({ items, caption, showOrg }: { items: AlertSummary[]; caption: string; showOrg: boolean }) {
  const { orgName, capabilityName } = useReference();
  return (
    <TableWrapper label={caption}>
      <table className="govuk-table" data-testid="alerts-table">
        <caption className="govuk-table__caption govuk-visually-hidden">{caption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Raised</th>
            <th scope="col" className="govuk-table__header">Alert</th>
            {showOrg ? <th scope="col" className="govuk-table__header">ROCU</th> : null}
            <th scope="col" className="govuk-table__header">Team</th>
            <th scope="col" className="govuk-table__header">Projected strength</th>
            <th scope="col" className="govuk-table__header">Level</th>
            <th scope="col" className="govuk-table__header">Status</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {items.map((a) => (
            <tr className="govuk-table__row" key={a.id} data-level={a.level}>
              <td className="govuk-table__cell app-nowrap">{formatDate(a.createdAt)}</td>
              <td className="govuk-table__cell">
                <Link className="govuk-link" to={`/alerts/${a.id}`}>
                  {a.campaignTitle}
                </Link>
                <br />
                <span className="govuk-body-s">{ALERT_KIND[a.kind] ?? a.kind}</span>
              </td>
              {showOrg ? <td className="govuk-table__cell">{orgName(a.orgId)}</td> : null}
              <td className="govuk-table__cell">{capabilityName(a.capabilityId)}</td>
              <td className="govuk-table__cell app-nowrap">
                {a.projected} <span aria-hidden="true">→</span>
                <span className="govuk-visually-hidden"> falling to </span> {a.projectedAfter}
                <span className="govuk-body-s"> (minimum {a.minimum})</span>
              </td>
              <td className="govuk-table__cell">
                <LevelTag level={a.level} />
              </td>
              <td className="govuk-table__cell">
                <AlertStatusTag status={a.status} />
                {a.status === 'escalated' && a.decideBy ? (
                  <p className="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0" data-testid="decide-by">
                    {a.escalatedAt ? `With the ROCC since ${formatDate(a.escalatedAt)}. ` : ''}Decide by {formatDateTime(a.decideBy)}, or the default outcome applies.
                  </p>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrapper>
  );
}

/**
 * `/alerts`: a ROCU head's capability alerts (an HR lead's: alerts on its
 * campaigns), newest first, with counts by level of the ones still waiting.
 */
export function AlertsInbox() {
  usePageTitle('Alerts');
  const [params] = useSearchParams();
  const showAll = params.get('show') === 'all';
  const { session, hasRole } = useSession();
  const { orgName } = useReference();
  // What waits is read whole, one status at a time (each list is only the work in hand): the counts need all of it.
  const open = useApiAll('GET /v1/alerts', { query: { status: 'open' } });
  const capRequested = useApiAll('GET /v1/alerts', { query: { status: 'cap-requested' } });
  const escalated = useApiAll('GET /v1/alerts', { query: { status: 'escalated' } });
  const all = usePagedList(showAll ? 'GET /v1/alerts' : undefined);
  const lists = [open, capRequested, escalated];
  const waitingLoaded = lists.every((l) => l.data);
  const waiting = lists.flatMap((l) => l.data?.items ?? []).sort((x, y) => y.createdAt.localeCompare(x.createdAt));
  const list = showAll ? all.list : { data: waitingLoaded ? { items: waiting } : undefined, loading: lists.some((l) => l.loading), error: lists.find((l) => l.error)?.error };
  const shown = list.data?.items ?? [];
  const isHead = hasRole('rocu-head');
  const counts = LEVEL_ORDER.map((level) => ({ level, n: waiting.filter((a) => a.level === level).length }));
  return (
    <>
      <span className="govuk-caption-l">{session ? orgName(session.claims.org) : ''}</span>
      <h1 className="govuk-heading-l">Alerts</h1>
      <p className="govuk-body">
        {isHead
          ? 'Campaigns and offers that could take your teams near or below their minimum strength. Answer each one: the campaign or offer waits for you.'
          : 'Alerts raised to ROCU heads about your campaigns.'}
      </p>
      {list.loading && !list.data ? <Loading what="Loading alerts" /> : null}
      {list.error ? <LoadError error={list.error} /> : null}
      {list.data ? (
        <>
          <h2 className="govuk-heading-m">Waiting for an answer</h2>
          <ul className="app-counts" data-testid="alert-counts">
            {counts.map(({ level, n }) => (
              <li key={level} className={`app-counts__item app-counts__item--${level}`} data-level={level}>
                <span className="app-counts__number">{n}</span> {LEVEL_TEXT[level].text}
              </li>
            ))}
          </ul>
          <nav aria-label="Which alerts" className="govuk-!-margin-bottom-4">
            <ul className="govuk-list app-filter-list">
              <li>
                {showAll ? (
                  <Link className="govuk-link" to="/alerts">
                    Waiting ({waiting.length})
                  </Link>
                ) : (
                  <strong aria-current="page">Waiting ({waiting.length})</strong>
                )}
              </li>
              <li>
                {showAll ? (
                  <strong aria-current="page">All alerts</strong>
                ) : (
                  <Link className="govuk-link" to="/alerts?show=all">
                    All alerts
                  </Link>
                )}
              </li>
            </ul>
          </nav>
          {shown.length === 0 && !(showAll && all.previous) ? (
            <p className="govuk-body" data-testid="empty-state">
              {showAll ? 'There are no alerts.' : 'Nothing is waiting for an answer.'}
            </p>
          ) : (
            <AlertsTable items={shown} caption={showAll ? `All alerts${pageCaption(all)}` : `${plural(shown.length, 'alert')} waiting`} showOrg={!isHead} />
          )}
          {showAll ? (
            <>
              <NoMoreItems paged={all} what="alerts" />
              <Pagination paged={all} label="Alerts pages" />
            </>
          ) : null}
        </>
      ) : null}
    </>
  );
}
