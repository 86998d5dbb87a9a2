import { useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { api } from '../api';
import { Button, ErrorSummary } from '../components/form';
import { ApplicationStatusTag, SecondmentStatusTag, LoadError, Loading, NotificationBanner, TableWrapper, usePageTitle } from '../components/ui';
import { formErrorsFrom, noErrors, type FormErrors } from '../errors';
import { formatDate } from '../format';
import { useApi } from '../hooks';
import { useReference } from '../reference';
import type { Application, MyApplication, Page, SecondmentApplication } from '../types';

const WITHDRAWABLE = new Set(['submitted', 'shortlisted', 'offered', 'awaiting-release', 'accepted']);

function SecondmentRow({ a }: { a: SecondmentApplication }) {
  const { orgName } = useReference();
  return (
    <tr className="govuk-table__row" data-status={a.status}>
      <td className="govuk-table__cell">
        {a.placementTitle}
        <br />
        <span className="govuk-body-s">Secondment, hosted by {orgName(a.hostOrgId)}</span>
      </td>
      <td className="govuk-table__cell app-nowrap">{formatDate(a.createdAt)}</td>
      <td className="govuk-table__cell">
        <SecondmentStatusTag status={a.status} />
      </td>
      <td className="govuk-table__cell app-nowrap">{formatDate(a.startDate)}</td>
      <td className="govuk-table__cell" />
    </tr>
  );
}

/** `/applications`: the officer's campaign and secondment applications, newest first, with each offer's state, start and release dates. */
export function MyApplications() {
  usePageTitle('My applications');
  const location = useLocation();
  const { orgName } = useReference();
  const list = useApi<Page<MyApplication>>('/v1/me/applications?limit=100');
  const [banner, setBanner] = useState<string | undefined>((location.state as { banner?: string } | null)?.banner);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState<string>();

  const act = async (application: Application, action: 'accept' | 'withdraw') => {
    setBusy(application.id);
    setErrors(noErrors);
    setBanner(undefined);
    try {
      await api.post(`/v1/applications/${application.id}/${action}`);
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
      {list.data && list.data.items.length === 0 ? (
        <p className="govuk-body" data-testid="empty-state">
          You have not applied for anything yet.{' '}
          <Link className="govuk-link" to="/vacancies">
            See the vacancies
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
                    <ApplicationStatusTag status={a.status} />
                    {a.status === 'awaiting-release' ? <p className="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">Your ROCU head is deciding when you can be released.</p> : null}
                  </td>
                  <td className="govuk-table__cell app-nowrap">
                    {a.startDate ? formatDate(a.startDate) : 'Not set'}
                    {a.releaseDecision === 'deferred' && a.releaseDate ? <span className="govuk-body-s"> (released from {formatDate(a.releaseDate)})</span> : null}
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
    </>
  );
}
