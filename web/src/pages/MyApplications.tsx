import { useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { api } from '../api';
import { Button, ErrorSummary } from '../components/form';
import { ApplicationStatusTag, SecondmentStatusTag, LoadError, Loading, NotificationBanner, TableWrapper, usePageTitle } from '../components/ui';
import { formErrorsFrom, noErrors, type FormErrors } from '../errors';
import { APPLICATION_STATUS, SECONDMENT_STATUS, formatDate, formatDateTime } from '../format';
import { NoMoreItems, Pagination, usePagedList } from '../components/pagination';
import { useReference } from '../reference';
import type { Application, MyApplication, SecondmentApplication } from '../types';

const WITHDRAWABLE = new Set(['submitted', 'shortlisted', 'offered', 'awaiting-release', 'accepted']);
const SECONDMENT_WITHDRAWABLE = new Set(['submitted', 'home-approved', 'confirmed']);

function SecondmentRow({ a, busy, onWithdraw }: { a: SecondmentApplication; busy: boolean; onWithdraw: () => void }) {
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
        <SecondmentStatusTag status={a.status} />
        {a.status === 'submitted' ? <p className="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">Waiting for your own unit to approve.</p> : null}
        {a.status === 'home-approved' ? <p className="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">Waiting for the host to decide.</p> : null}
        <History history={a.history} statusText={SECONDMENT_STATUS} what={a.placementTitle} />
      </td>
      <td className="govuk-table__cell app-nowrap">
        {formatDate(a.startDate)}
        <span className="govuk-body-s"> to {formatDate(a.endDate)}</span>
      </td>
      <td className="govuk-table__cell">
        {SECONDMENT_WITHDRAWABLE.has(a.status) ? (
          <div className="govuk-button-group govuk-!-margin-bottom-0">
            <Button type="button" secondary busy={busy} onClick={onWithdraw}>
              Withdraw<span className="govuk-visually-hidden"> from {a.placementTitle}</span>
            </Button>
          </div>
        ) : null}
      </td>
    </tr>
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
  const [banner, setBanner] = useState<string | undefined>((location.state as { banner?: string } | null)?.banner);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState<string>();

  const withdrawSecondment = async (application: SecondmentApplication) => {
    setBusy(application.id);
    setErrors(noErrors);
    setBanner(undefined);
    try {
      await api.call('POST /v1/secondment-applications/{id}/withdraw', { params: { id: application.id } });
      await list.reload();
      setBanner(`You withdrew your application for “${application.placementTitle}”.`);
    } catch (err) {
      setErrors(formErrorsFrom(err));
    } finally {
      setBusy(undefined);
    }
  };

  const act = async (application: Application, action: 'accept' | 'withdraw') => {
    setBusy(application.id);
    setErrors(noErrors);
    setBanner(undefined);
    try {
      const params = { id: application.id };
      await (action === 'accept'
        ? api.call('POST /v1/applications/{id}/accept', { params })
        : api.call('POST /v1/applications/{id}/withdraw', { params }));
      await list.reload();
      setBanner(action === 'accept' ? `You accepted the offer for “${application.campaignTitle}”.` : `You withdrew from “${application.campaignTitle}”.`);
    } catch (err) {
      setErrors(formErrorsFrom(err));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <>
      {banner ? (
        <NotificationBanner success>
          <p className="govuk-notification-banner__heading">{banner}</p>
        </NotificationBanner>
      ) : null}
      <ErrorSummary errors={errors} />
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
      {list.data && list.data.items.length > 0 ? (
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
                  <SecondmentRow a={a} key={a.id} busy={busy === a.id} onWithdraw={() => void withdrawSecondment(a)} />
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
                    <ApplicationStatusTag status={a.status} />
                    {a.status === 'awaiting-release' ? (
                      <p className="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0" data-testid="latest-release">
                        Your ROCU head is deciding when you can be released
                        {a.latestReleaseDate ? `: on ${formatDate(a.latestReleaseDate)} at the latest, whatever is decided` : ''}.
                      </p>
                    ) : null}
                    <History history={a.history} statusText={APPLICATION_STATUS} what={a.campaignTitle} />
                  </td>
                  <td className="govuk-table__cell app-nowrap">
                    {a.startDate ? formatDate(a.startDate) : 'Not set'}
                    {a.releaseDate ? (
                      <span className="govuk-body-s" data-testid="release-date">
                        {' '}
                        ({a.releaseDecision === 'deferred' ? 'release deferred to' : 'released from'} {formatDate(a.releaseDate)})
                      </span>
                    ) : null}
                  </td>
                  <td className="govuk-table__cell">
                    <div className="govuk-button-group govuk-!-margin-bottom-0">
                      {a.status === 'offered' ? (
                        <Button type="button" busy={busy === a.id} onClick={() => void act(a, 'accept')}>
                          Accept offer<span className="govuk-visually-hidden"> for {a.campaignTitle}</span>
                        </Button>
                      ) : null}
                      {WITHDRAWABLE.has(a.status) ? (
                        <Button type="button" secondary busy={busy === a.id} onClick={() => void act(a, 'withdraw')}>
                          Withdraw<span className="govuk-visually-hidden"> from {a.campaignTitle}</span>
                        </Button>
                      ) : null}
                    </div>
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
