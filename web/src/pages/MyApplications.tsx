import { Link, useLocation } from 'react-router-dom';
import { ApplicationStatusTag, SecondmentStatusTag, LoadError, Loading, NotificationBanner, SummaryList, TableWrapper, usePageTitle } from '../components/ui';
import { APPLICATION_STATUS, SECONDMENT_STATUS, formatDate, formatDateTime } from '../format';
import { BELOW_DESKTOP, useMediaQuery } from '../media';
import { NoMoreItems, Pagination, usePagedList } from '../components/pagination';
import { useReference } from '../reference';
import type { Application, MyApplication, SecondmentApplication } from '../types';

const WITHDRAWABLE = new Set(['submitted', 'shortlisted', 'offered', 'awaiting-release', 'accepted']);
const SECONDMENT_WITHDRAWABLE = new Set(['submitted', 'home-approved', 'confirmed']);

function SecondmentStatus({ a }: { a: SecondmentApplication }) {
  return (
    <>
      <SecondmentStatusTag status={a.status} />
      {a.status === 'submitted' ? <p className="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">Waiting for your own unit to approve.</p> : null}
      {a.status === 'home-approved' ? <p className="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">Waiting for the host to decide.</p> : null}
      <History history={a.history} statusText={SECONDMENT_STATUS} what={a.placementTitle} />
    </>
  );
}

function SecondmentDates({ a }: { a: SecondmentApplication }) {
  return (
    <>
      {formatDate(a.startDate)}
      <span className="govuk-body-s"> to {formatDate(a.endDate)}</span>
    </>
  );
}

function SecondmentActions({ a }: { a: SecondmentApplication }) {
  if (!SECONDMENT_WITHDRAWABLE.has(a.status)) return null;
  return (
    <div className="govuk-button-group govuk-!-margin-bottom-0">
      <Link className="govuk-button govuk-button--secondary" data-module="govuk-button" to={`/secondment-applications/${a.id}/withdraw`}>
        Withdraw<span className="govuk-visually-hidden"> from {a.placementTitle}</span>
      </Link>
    </div>
  );
}

function SecondmentRow({ a }: { a: SecondmentApplication }) {
  const { orgName } = useReference();
  return (
    <tr className="govuk-table__row" data-status={a.status}>
      <td className="govuk-table__cell">
        <Link className="govuk-link" to={`/secondment-applications/${a.id}`}>
          {a.placementTitle}
        </Link>
        <br />
        <span className="govuk-body-s">Secondment, hosted by {orgName(a.hostOrgId)}</span>
      </td>
      <td className="govuk-table__cell app-nowrap">{formatDate(a.createdAt)}</td>
      <td className="govuk-table__cell">
        <SecondmentStatus a={a} />
      </td>
      <td className="govuk-table__cell app-nowrap">
        <SecondmentDates a={a} />
      </td>
      <td className="govuk-table__cell">
        <SecondmentActions a={a} />
      </td>
    </tr>
  );
}

function CampaignStatus({ a }: { a: Application }) {
  return (
    <>
      <ApplicationStatusTag status={a.status} />
      {a.status === 'awaiting-release' ? (
        <p className="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0" data-testid="latest-release">
          Your ROCU head is deciding when you can be released
          {a.latestReleaseDate ? `: on ${formatDate(a.latestReleaseDate)} at the latest, whatever is decided` : ''}.
        </p>
      ) : null}
      <History history={a.history} statusText={APPLICATION_STATUS} what={a.campaignTitle} />
    </>
  );
}

function CampaignStart({ a }: { a: Application }) {
  return (
    <>
      {a.startDate ? formatDate(a.startDate) : 'Not set'}
      {a.releaseDate ? (
        <span className="govuk-body-s" data-testid="release-date">
          {' '}
          ({a.releaseDecision === 'deferred' ? 'release deferred to' : 'released from'} {formatDate(a.releaseDate)})
        </span>
      ) : null}
    </>
  );
}

function CampaignActions({ a }: { a: Application }) {
  if (a.status !== 'offered' && !WITHDRAWABLE.has(a.status)) return null;
  return (
    <div className="govuk-button-group govuk-!-margin-bottom-0">
      {a.status === 'offered' ? (
        <Link className="govuk-button" data-module="govuk-button" to={`/applications/${a.id}/accept`}>
          Accept offer<span className="govuk-visually-hidden"> for {a.campaignTitle}</span>
        </Link>
      ) : null}
      {WITHDRAWABLE.has(a.status) ? (
        <Link className="govuk-button govuk-button--secondary" data-module="govuk-button" to={`/applications/${a.id}/withdraw`}>
          Withdraw<span className="govuk-visually-hidden"> from {a.campaignTitle}</span>
        </Link>
      ) : null}
    </div>
  );
}

/**
 * Below desktop width, each application is a GOV.UK summary card rather than a
 * table row: five columns do not fit a phone, and the status, start date and
 * the button to accept must not be scrolled to.
 */
function ApplicationCard({ a }: { a: MyApplication }) {
  const { orgName } = useReference();
  const secondment = a.applicationType === 'secondment';
  const title = secondment ? a.placementTitle : a.campaignTitle;
  return (
    <li className="govuk-summary-card" data-status={a.status}>
      <div className="govuk-summary-card__title-wrapper">
        <h2 className="govuk-summary-card__title">
          <Link className="govuk-link" to={secondment ? `/secondment-applications/${a.id}` : `/vacancies/${a.campaignId}`}>
            {title}
          </Link>
        </h2>
      </div>
      <div className="govuk-summary-card__content">
        <SummaryList
          rows={[
            secondment ? { key: 'Secondment hosted by', value: orgName(a.hostOrgId) } : { key: 'Run by', value: orgName(a.ownerOrgId) },
            { key: 'Applied', value: formatDate(a.createdAt) },
            { key: 'Status', value: secondment ? <SecondmentStatus a={a} /> : <CampaignStatus a={a} /> },
            { key: secondment ? 'Dates' : 'Start date', value: secondment ? <SecondmentDates a={a} /> : <CampaignStart a={a} /> },
          ]}
        />
        {secondment ? <SecondmentActions a={a} /> : <CampaignActions a={a} />}
      </div>
    </li>
  );
}

/** The status history, folded away: each change with its date and note. */
function History({ history, statusText, what }: { history: MyApplication['history']; statusText: Record<string, { text: string }>; what: string }) {
  if (history.length === 0) return null;
  return (
    <details className="govuk-details govuk-!-margin-top-2 govuk-!-margin-bottom-0">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">
          Status history<span className="govuk-visually-hidden"> of {what}</span>
        </span>
      </summary>
      <div className="govuk-details__text">
        <ol className="govuk-list govuk-body-s" data-testid="status-history">
          {history.map((h, i) => (
            <li key={i}>
              {statusText[h.status]?.text ?? h.status}: {formatDateTime(h.at)}
              {h.note ? ` (${h.note})` : ''}
            </li>
          ))}
        </ol>
      </div>
    </details>
  );
}

/** `/applications`: the officer's campaign and secondment applications, newest first, with each offer's state, start and release dates. */
export function MyApplications() {
  usePageTitle('My applications');
  const location = useLocation();
  const { orgName } = useReference();
  const paged = usePagedList('GET /v1/me/applications');
  const list = paged.list;
  const narrow = useMediaQuery(BELOW_DESKTOP);
  const banner = (location.state as { banner?: string } | null)?.banner;

  return (
    <>
      {banner ? (
        <NotificationBanner success>
          <p className="govuk-notification-banner__heading">{banner}</p>
        </NotificationBanner>
      ) : null}
      <h1 className="govuk-heading-l">My applications</h1>
      {list.loading && !list.data ? <Loading what="Loading your applications" /> : null}
      {list.error ? <LoadError error={list.error} /> : null}
      {list.data && list.data.items.length === 0 && !paged.previous ? (
        <p className="govuk-body" data-testid="empty-state">
          You have not applied for anything yet.{' '}
          <Link className="govuk-link" to="/vacancies">
            See the vacancies
          </Link>{' '}
          or{' '}
          <Link className="govuk-link" to="/placements">
            the secondment placements
          </Link>
          .
        </p>
      ) : null}
      {list.data && list.data.items.length > 0 && narrow ? (
        <ul className="govuk-list" data-testid="applications-cards">
          {list.data.items.map((a) => (
            <ApplicationCard key={a.id} a={a} />
          ))}
        </ul>
      ) : null}
      {list.data && list.data.items.length > 0 && !narrow ? (
        <TableWrapper label="My applications">
          <table className="govuk-table" data-testid="applications-table">
            <caption className="govuk-table__caption govuk-visually-hidden">Your applications</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Vacancy</th>
                <th scope="col" className="govuk-table__header">Applied</th>
                <th scope="col" className="govuk-table__header">Status</th>
                <th scope="col" className="govuk-table__header">Start date</th>
                <th scope="col" className="govuk-table__header">
                  <span className="govuk-visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {list.data.items.map((a) =>
                a.applicationType === 'secondment' ? (
                  <SecondmentRow a={a} key={a.id} />
                ) : (
                <tr className="govuk-table__row" key={a.id} data-status={a.status}>
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={`/vacancies/${a.campaignId}`}>
                      {a.campaignTitle}
                    </Link>
                    <br />
                    <span className="govuk-body-s">{orgName(a.ownerOrgId)}</span>
                  </td>
                  <td className="govuk-table__cell app-nowrap">{formatDate(a.createdAt)}</td>
                  <td className="govuk-table__cell">
                    <CampaignStatus a={a} />
                  </td>
                  <td className="govuk-table__cell app-nowrap">
                    <CampaignStart a={a} />
                  </td>
                  <td className="govuk-table__cell">
                    <CampaignActions a={a} />
                  </td>
                </tr>
                ),
              )}
            </tbody>
          </table>
        </TableWrapper>
      ) : null}
      <NoMoreItems paged={paged} what="applications" />
      <Pagination paged={paged} label="Pages of your applications" />
    </>
  );
}
