import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../api';
import { Button, ErrorSummary, Textarea } from '../components/form';
import { ApplicationStatusTag, BackLink, LoadError, Loading, SummaryList, Tag, usePageTitle } from '../components/ui';
import { formErrors, formErrorsFrom, hasErrors, noErrors, type FormErrors } from '../errors';
import { PIP, REGION_NAMES, VETTING, VETTING_ORDER, formatDate } from '../format';
import { useApi, useApiAll, useIdempotencyKey } from '../hooks';
import { NoMoreItems, Pagination, usePagedList } from '../components/pagination';
import { useReference } from '../reference';
import type { Application, CampaignSummary, Me, MyApplication } from '../types';

/** The campaign applications of `GET /v1/me/applications?type=campaign` (the list may hold either kind). */
function campaignApplications(items: MyApplication[] | undefined): Application[] {
  return (items ?? []).filter((a): a is Application => a.applicationType === 'campaign');
}

/** What stands between the officer and applying, in words; empty when they can apply. */
function ineligibility(me: Me | undefined, profile: { vetting: string | null; minPipLevel: number }): string[] {
  const officer = me?.officer;
  if (!officer) return [];
  const reasons: string[] = [];
  if (profile.vetting !== null && VETTING_ORDER.indexOf(officer.vetting) < VETTING_ORDER.indexOf(profile.vetting)) {
    reasons.push(`it needs ${VETTING[profile.vetting] ?? profile.vetting} vetting and you hold ${VETTING[officer.vetting] ?? officer.vetting}`);
  }
  if (officer.pipLevel < profile.minPipLevel) {
    reasons.push(`it needs PIP level ${profile.minPipLevel} and you hold ${officer.pipLevel === 0 ? 'no PIP accreditation' : `level ${officer.pipLevel}`}`);
  }
  return reasons;
}

function EligibilityTag({ reasons }: { reasons: string[] }) {
  return reasons.length === 0 ? <Tag text="You can apply" className="govuk-tag--green" /> : <Tag text="Not eligible" className="govuk-tag--grey" />;
}

/** Published but before its opening date: the API says it is not taking applications, and the dates say why. */
function opensLater(c: Pick<CampaignSummary, 'status' | 'takingApplications' | 'opensOn'>): boolean {
  return c.status === 'open' && !c.takingApplications && c.opensOn !== null && c.opensOn > new Date().toISOString().slice(0, 10);
}

/**
 * The application window in words, opening date first, as an officer plans by it:
 * `Open for applications from 2 December 2026 to 1 January 2027.`, `Opens for
 * applications on 2 February 2027 and closes on 1 March 2027.` or `Closed for applications on 1 January 2027.`
 */
function windowText(c: Pick<CampaignSummary, 'status' | 'takingApplications' | 'opensOn' | 'closesOn'>): string {
  if (c.takingApplications) return `Open for applications from ${formatDate(c.opensOn)} to ${formatDate(c.closesOn)}.`;
  if (opensLater(c)) return `Opens for applications on ${formatDate(c.opensOn)} and closes on ${formatDate(c.closesOn)}.`;
  return `Closed for applications on ${formatDate(c.closesOn)}.`;
}

/** `/vacancies`: open campaigns, each with whether the officer meets its vetting and PIP requirements. */
export function Vacancies() {
  usePageTitle('Vacancies');
  const { orgName, capabilityName } = useReference();
  const paged = usePagedList('GET /v1/campaigns', { query: { status: 'open' } });
  const list = paged.list;
  const me = useApi('GET /v1/me');
  const mine = useApiAll('GET /v1/me/applications', { query: { type: 'campaign' } });
  const applied = new Map(campaignApplications(mine.data?.items).map((a) => [a.campaignId, a]));
  return (
    <>
      <h1 className="govuk-heading-l">Vacancies</h1>
      <p className="govuk-body">Open campaigns of the NCA and the ROCUs. Each says whether your vetting and PIP level meet its requirements.</p>
      {list.loading && !list.data ? <Loading what="Loading vacancies" /> : null}
      {list.error ? <LoadError error={list.error} /> : null}
      {list.data && list.data.items.length === 0 && !paged.previous ? (
        <p className="govuk-body" data-testid="empty-state">
          There are no open vacancies at the moment.
        </p>
      ) : null}
      {list.data && list.data.items.length > 0 ? (
        <ul className="govuk-list" data-testid="vacancies">
          {list.data.items.map((c) => {
            const application = applied.get(c.id);
            return (
              <li key={c.id} className="app-vacancy">
                <h2 className="govuk-heading-m govuk-!-margin-bottom-2">
                  <Link className="govuk-link" to={`/vacancies/${c.id}`}>
                    {c.title}
                  </Link>
                </h2>
                <p className="govuk-body govuk-!-margin-bottom-2">
                  {capabilityName(c.capabilityId)}, {orgName(c.ownerOrgId)}. {c.posts} {c.posts === 1 ? 'post' : 'posts'} in{' '}
                  {c.regions.map((r) => REGION_NAMES[r] ?? r).join(', ')}.
                </p>
                <p className="govuk-body govuk-!-margin-bottom-2" data-testid="application-window">
                  {windowText(c)}
                </p>
                <p className="govuk-body">
                  {application ? (
                    <>
                      You applied: <ApplicationStatusTag status={application.status} />
                    </>
                  ) : c.takingApplications ? (
                    <VacancyEligibility campaignId={c.id} me={me.data} />
                  ) : (
                    <Tag text={opensLater(c) ? 'Not open yet' : 'Closed'} className="govuk-tag--grey" />
                  )}
                </p>
              </li>
            );
          })}
        </ul>
      ) : null}
      <NoMoreItems paged={paged} what="vacancies" />
      <Pagination paged={paged} label="Vacancies pages" />
    </>
  );
}

/** The list has no role profile; the eligibility tag needs the campaign's vetting and PIP level. */
function VacancyEligibility({ campaignId, me }: { campaignId: string; me: Me | undefined }) {
  const campaign = useApi('GET /v1/campaigns/{id}', { params: { id: campaignId } });
  if (!campaign.data || !me) return null;
  return <EligibilityTag reasons={ineligibility(me, campaign.data.roleProfile)} />;
}

/** `/vacancies/:id`: the role profile, the officer's eligibility and the application form. */
export function Vacancy() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { orgName, capabilityName } = useReference();
  const campaign = useApi('GET /v1/campaigns/{id}', { params: { id } });
  const me = useApi('GET /v1/me');
  const mine = useApiAll('GET /v1/me/applications', { query: { type: 'campaign' } });
  const [idempotencyKey] = useIdempotencyKey();
  const [statement, setStatement] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  usePageTitle(campaign.data?.title ?? 'Vacancy', hasErrors(errors));
  if (campaign.loading && !campaign.data) return <Loading what="Loading the vacancy" />;
  if (campaign.error || !campaign.data) return <LoadError error={campaign.error} />;
  const c = campaign.data;
  const reasons = ineligibility(me.data, c.roleProfile);
  const application = campaignApplications(mine.data?.items).find((a) => a.campaignId === id);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const check = formErrors([!statement.trim() && ['statement', 'Tell the panel why you are applying']]);
    setErrors(check);
    if (hasErrors(check)) return;
    setBusy(true);
    try {
      await api.call('POST /v1/campaigns/{id}/applications', { params: { id }, body: { statement: statement.trim() } }, { idempotencyKey });
      navigate('/applications', { state: { banner: `Your application for “${c.title}” is sent.` } });
    } catch (err) {
      setErrors(formErrorsFrom(err, { statement: 'Why you are applying' }));
      setBusy(false);
    }
  };

  return (
    <>
      <BackLink to="/vacancies">Back to vacancies</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <span className="govuk-caption-l">
            {capabilityName(c.capabilityId)}, {orgName(c.ownerOrgId)}
          </span>
          <h1 className="govuk-heading-l">{c.title}</h1>
          <SummaryList
            rows={[
              { key: 'Applications open', value: formatDate(c.opensOn) },
              { key: 'Applications close', value: formatDate(c.closesOn) },
              { key: 'Posts', value: c.posts },
              { key: 'Regions', value: c.regions.map((r) => REGION_NAMES[r] ?? r).join(', ') },
              { key: 'Locations', value: c.roleProfile.locations.join(', ') },
              { key: 'Grade', value: c.roleProfile.grade },
              { key: 'Salary band', value: c.roleProfile.salaryBand },
              { key: 'Vetting', value: c.roleProfile.vetting ? (VETTING[c.roleProfile.vetting] ?? c.roleProfile.vetting) : '' },
              { key: 'PIP level', value: PIP[c.roleProfile.minPipLevel] ?? c.roleProfile.minPipLevel },
            ]}
          />
          <h2 className="govuk-heading-m">Job description</h2>
          <p className="govuk-body app-pre-line">{c.roleProfile.jobDescription}</p>
          <h2 className="govuk-heading-m">Terms and conditions</h2>
          <p className="govuk-body app-pre-line">{c.roleProfile.terms}</p>
          <h2 className="govuk-heading-m">Your eligibility</h2>
          <p className="govuk-body" data-testid="eligibility">
            <EligibilityTag reasons={reasons} />{' '}
            {reasons.length === 0 ? 'Your vetting and PIP level meet the requirements.' : `You cannot apply: ${reasons.join('; ')}.`}
          </p>
          {application ? (
            <p className="govuk-body">
              You applied on {formatDate(application.createdAt)}: <ApplicationStatusTag status={application.status} />.{' '}
              <Link className="govuk-link" to="/applications">
                See your applications
              </Link>
            </p>
          ) : c.status !== 'open' ? (
            <p className="govuk-body">This campaign is not open for applications.</p>
          ) : !c.takingApplications ? (
            <p className="govuk-body" data-testid="application-window">
              {opensLater(c) ? `This campaign opens for applications on ${formatDate(c.opensOn)}.` : `This campaign closed for applications on ${formatDate(c.closesOn)}.`}
            </p>
          ) : reasons.length === 0 ? (
            <form onSubmit={submit} noValidate data-testid="apply-form">
              <Textarea
                id="statement"
                label={<span className="govuk-label--m">Why you are applying</span>}
                hint="Your experience and what you would bring. The panel reads this first."
                value={statement}
                onChange={setStatement}
                error={errors.fields.statement}
              />
              <Button busy={busy}>Apply</Button>
            </form>
          ) : null}
        </div>
      </div>
    </>
  );
}
