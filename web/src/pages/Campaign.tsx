import type { ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { ImpactHeadline, ImpactTable } from '../components/impact';
import { AlertStatusTag, BackLink, CampaignStatusTag, LevelTag, LoadError, Loading, NotificationBanner, SummaryList, TableWrapper, usePageTitle } from '../components/ui';
import { ALERT_OUTCOME, PIP, REGION_NAMES, VETTING, formatDate, formatDateTime } from '../format';
import { AuditTrail } from '../components/audit-trail';
import { sectionOf } from '../components/campaign-form';
import { DraftTaskList } from '../components/draft-task-list';
import { useApi } from '../hooks';
import { useReference } from '../reference';
import { useSession } from '../session';

const OUTSTANDING = new Set(['open', 'cap-requested', 'escalated']);
/** A field a draft has not filled in yet, in the summary list. */
const NOT_YET = <span className="app-not-yet">Not added yet</span>;

/**
 * `/campaigns/:id`: the campaign, its impact on each ROCU and, once
 * published, where the consultation stands. The owner's HR lead publishes
 * from here and follows the alerts that hold it.
 */
export function CampaignPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const { session, hasRole } = useSession();
  const { orgName, capabilityName } = useReference();
  const campaign = useApi('GET /v1/campaigns/{id}', { params: { id } });
  const canSeeImpact = hasRole('hr-lead', 'rocu-head', 'rocc');
  // A draft has an impact once it has its posts and vetting level; before that the API answers 409.
  const impactReady = !!campaign.data && campaign.data.posts !== null && campaign.data.roleProfile.vetting !== null;
  const impact = useApi(canSeeImpact && impactReady ? 'GET /v1/campaigns/{id}/impact' : undefined, { params: { id } });
  const banner = (location.state as { banner?: string } | null)?.banner;
  usePageTitle(campaign.data?.title ?? 'Campaign');

  if (campaign.loading && !campaign.data) return <Loading what="Loading the campaign" />;
  if (campaign.error || !campaign.data) return <LoadError error={campaign.error} />;
  const c = campaign.data;
  const owner = hasRole('hr-lead') && session?.claims.org === c.ownerOrgId;
  const editable = owner && (c.status === 'draft' || c.status === 'consultation');
  const hrOfCampaign = hasRole('hr-lead') && !!session && (session.claims.org === c.ownerOrgId || c.partnerOrgIds.includes(session.claims.org));
  const consultation = Object.entries(c.consultation).sort(([a], [b]) => orgName(a).localeCompare(orgName(b)));
  const outstanding = consultation.filter(([, entry]) => OUTSTANDING.has(entry.status));
  // The cap in force for a ROCU: the lower of the campaign's and the ROCU's own.
  const capFor = (orgId: string) => Math.min(c.maxAppointmentsPerSource ?? Infinity, c.sourceCaps[orgId] ?? Infinity);
  const capUnmet = consultation.filter(([orgId, entry]) => entry.status === 'cap-requested' && entry.requestedCap !== null && capFor(orgId) > entry.requestedCap);

  // A draft's Change links open the section the field is in; a campaign in consultation is changed as a whole.
  const change = (hidden: string, field: string) =>
    editable ? { to: c.status === 'draft' ? `/campaigns/${id}/edit?section=${sectionOf(field)}` : `/campaigns/${id}/edit`, text: 'Change', hidden } : undefined;
  const missing = c.missingForPublish;
  const given = <T,>(value: T | null | '', show: (v: T) => ReactNode = (v) => v as ReactNode) => (value === null || value === '' ? NOT_YET : show(value));

  return (
    <>
      <BackLink to="/campaigns">Back to campaigns</BackLink>
      {banner ? (
        <NotificationBanner success>
          <p className="govuk-notification-banner__heading">{banner}</p>
        </NotificationBanner>
      ) : null}
      <span className="govuk-caption-l">{capabilityName(c.capabilityId)} campaign, run by {orgName(c.ownerOrgId)}</span>
      <h1 className="govuk-heading-l">{c.title}</h1>
      <p className="govuk-body" data-testid="campaign-status">
        Status: <CampaignStatusTag status={c.status} />
        {c.publishedAt ? <> (published {formatDateTime(c.publishedAt)})</> : null}
      </p>

      {outstanding.length > 0 ? (
        <NotificationBanner title="Waiting on ROCU heads">
          <p className="govuk-notification-banner__heading">
            {outstanding.length === 1 ? '1 alert is' : `${outstanding.length} alerts are`} holding this campaign in consultation.
          </p>
          {capUnmet.map(([orgId, entry]) => (
            <p className="govuk-body" key={orgId}>
              {orgName(orgId)} asked for no more than {entry.requestedCap} {entry.requestedCap === 1 ? 'offer' : 'offers'} to its officers.{' '}
              {owner ? (
                <>
                  <Link className="govuk-notification-banner__link" to={`/campaigns/${id}/caps`}>
                    Cap offers to {orgName(orgId)} at {entry.requestedCap} or less
                  </Link>{' '}
                  and publish again, or refer the request to the ROCC from the alert.
                </>
              ) : null}
            </p>
          ))}
        </NotificationBanner>
      ) : null}

      {owner && c.status === 'draft' ? <DraftTaskList campaignId={c.id} missing={missing} /> : null}

      {owner && (c.status === 'draft' || c.status === 'consultation') ? (
        <div className="govuk-button-group">
          {/* An incomplete draft is finished from its task list first. */}
          {missing.length === 0 ? (
            <Link className="govuk-button" data-module="govuk-button" to={`/campaigns/${id}/publish`}>
              {c.status === 'draft' ? 'Publish campaign' : 'Publish again'}
            </Link>
          ) : null}
          <Link className="govuk-link" to={`/campaigns/${id}/edit`}>
            Change the campaign
          </Link>
          <Link className="govuk-link" to={`/campaigns/${id}/caps`}>
            Caps for single ROCUs
          </Link>
        </div>
      ) : null}

      {hrOfCampaign && c.status !== 'draft' ? (
        <p className="govuk-body">
          <Link className="govuk-link govuk-!-font-weight-bold" to={`/campaigns/${id}/applications`} data-testid="applications-link">
            See the applications
          </Link>{' '}
          to shortlist, offer and reject.
        </p>
      ) : null}

      {owner && (c.status === 'open' || c.status === 'closed' || c.status === 'draft' || c.status === 'consultation') ? (
        <div className="govuk-button-group">
          {c.status === 'open' ? (
            <Link className="govuk-button govuk-button--secondary" to={`/campaigns/${id}/close`}>
              Close to new applications
            </Link>
          ) : null}
          {c.status === 'closed' ? (
            <Link className="govuk-button govuk-button--secondary" to={`/campaigns/${id}/complete`}>
              Complete the campaign
            </Link>
          ) : null}
          <Link className="govuk-button govuk-button--warning" to={`/campaigns/${id}/cancel`}>
            Cancel the campaign
          </Link>
        </div>
      ) : null}

      {consultation.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">Consultation</h2>
          <TableWrapper label="Consultation">
            <table className="govuk-table" data-testid="consultation-table">
              <caption className="govuk-table__caption govuk-visually-hidden">Alerts raised to ROCU heads</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">ROCU</th>
                  <th scope="col" className="govuk-table__header">Level</th>
                  <th scope="col" className="govuk-table__header">Where it stands</th>
                  <th scope="col" className="govuk-table__header">Requested cap</th>
                  <th scope="col" className="govuk-table__header">Outcome</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {consultation.map(([orgId, entry]) => (
                  <tr className="govuk-table__row" key={orgId} data-org={orgId}>
                    <th scope="row" className="govuk-table__header">
                      {/* The alert is the ROCU's own, the campaign's HR leads' and the ROCC's: nobody else could open the link. */}
                      {!hasRole('hr-lead', 'rocc') && !(hasRole('rocu-head') && session?.claims.org === orgId) ? (
                        orgName(orgId)
                      ) : (
                        <Link className="govuk-link" to={`/alerts/${entry.alertId}`}>
                          {orgName(orgId)}
                          <span className="govuk-visually-hidden"> alert</span>
                        </Link>
                      )}
                    </th>
                    <td className="govuk-table__cell">
                      <LevelTag level={entry.level} />
                    </td>
                    <td className="govuk-table__cell">
                      <AlertStatusTag status={entry.status} />
                    </td>
                    <td className="govuk-table__cell">{entry.requestedCap ?? 'None'}</td>
                    <td className="govuk-table__cell">{entry.outcome ? (ALERT_OUTCOME[entry.outcome] ?? entry.outcome) : 'Not decided yet'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrapper>
        </>
      ) : null}

      {canSeeImpact ? (
        <section aria-labelledby="impact-heading">
          <h2 className="govuk-heading-m" id="impact-heading">
            Impact on each ROCU
          </h2>
          {!impactReady ? (
            <p className="govuk-body" data-testid="impact-not-yet">
              The impact on each ROCU is worked out once the draft has its number of posts and its minimum vetting level.
            </p>
          ) : null}
          {impact.loading && !impact.data ? <Loading what="Working out the impact" /> : null}
          {impact.error ? <p className="govuk-body">The impact is not available to you.</p> : null}
          {impact.data ? (
            <>
              <ImpactHeadline assessment={impact.data} />
              <ImpactTable assessment={impact.data} caption="Worst case for each ROCU" />
            </>
          ) : null}
        </section>
      ) : null}

      <h2 className="govuk-heading-m">Details</h2>
      <SummaryList
        rows={[
          { key: 'Title', value: c.title, action: change('title', 'title') },
          { key: 'Capability', value: capabilityName(c.capabilityId) },
          { key: 'Regions', value: c.regions.length ? c.regions.map((r) => REGION_NAMES[r] ?? r).join(', ') : NOT_YET, action: change('regions', 'regions') },
          { key: 'Posts', value: given(c.posts), action: change('number of posts', 'posts') },
          {
            key: 'Most offers to any one ROCU',
            value: c.maxAppointmentsPerSource === null ? 'No cap' : c.maxAppointmentsPerSource,
            action: change('most offers to any one ROCU', 'maxAppointmentsPerSource'),
          },
          Object.keys(c.sourceCaps).length > 0 && {
            key: 'Caps imposed by a ROCC',
            value: Object.entries(c.sourceCaps)
              .map(([org, n]) => `${orgName(org)}: ${n}`)
              .join(', '),
          },
          { key: 'Opens', value: given(c.opensOn, formatDate), action: change('opening date', 'opensOn') },
          { key: 'Closes', value: given(c.closesOn, formatDate), action: change('closing date', 'closesOn') },
          { key: 'Vetting', value: given(c.roleProfile.vetting, (v) => VETTING[v] ?? v), action: change('vetting level', 'roleProfile.vetting') },
          { key: 'PIP level', value: PIP[c.roleProfile.minPipLevel] ?? c.roleProfile.minPipLevel },
          { key: 'Grade', value: given(c.roleProfile.grade), action: change('grade', 'roleProfile.grade') },
          { key: 'Salary band', value: given(c.roleProfile.salaryBand), action: change('salary band', 'roleProfile.salaryBand') },
          { key: 'Locations', value: c.roleProfile.locations.length ? c.roleProfile.locations.join(', ') : NOT_YET, action: change('locations', 'roleProfile.locations') },
          { key: 'Job description', value: given(c.roleProfile.jobDescription), action: change('job description', 'roleProfile.jobDescription') },
          { key: 'Terms and conditions', value: given(c.roleProfile.terms), action: change('terms and conditions', 'roleProfile.terms') },
          c.partnerOrgIds.length > 0 && { key: 'Partners', value: c.partnerOrgIds.map(orgName).join(', ') },
          c.allocations.length > 0 && {
            key: 'Posts for each organisation',
            value: c.allocations.map((a) => `${orgName(a.orgId)}: ${a.posts}`).join(', '),
            action: change('posts for each organisation', 'allocations'),
          },
          c.coordination.length > 0 && {
            key: 'Overlapping campaigns',
            value: c.coordination.map((o) => `${o.title} (${orgName(o.ownerOrgId)})`).join('; '),
          },
        ]}
      />
      {hasRole('hr-lead', 'rocu-head', 'rocc') ? <AuditTrail entity={`campaign:${c.id}`} heading="Audit trail" /> : null}
    </>
  );
}
