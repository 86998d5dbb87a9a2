import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { api } from '../api';
import { Button, Checkboxes, DateInput, ErrorSummary, Radios, datePartsFrom, isBlankDate, isoFromParts, type DateParts } from '../components/form';
import { AuditTrail } from '../components/audit-trail';
import { SummaryCard } from '../components/summary-card';
import { PostingCard } from './OfficerPosting';
import { BackLink, LoadError, Loading, NotificationBanner, SummaryList, Tag, usePageTitle } from '../components/ui';
import { formErrors, formErrorsFrom, hasErrors, isStaleVersion, noErrors, type FormErrors } from '../errors';
import { PIP, REGION_NAMES, VETTING, VETTING_ORDER, formatDate, formatDateTime } from '../format';
import { useApi } from '../hooks';
import { useReference } from '../reference';
import { useSession } from '../session';
import type { Officer } from '../types';

type OfficerPatch = Parameters<typeof api.call<'PATCH /v1/officers/{officerId}'>>[1]['body'];

function vettingText(o: Pick<Officer, 'vetting' | 'vettingExpiresOn'>): string {
  return `${VETTING[o.vetting] ?? o.vetting}${o.vettingExpiresOn ? `, expires ${formatDate(o.vettingExpiresOn)}` : ', no expiry recorded'}`;
}

/**
 * `/officers/:officerId`: one officer's record for their HR lead (who can
 * change the accreditations and vetting) or ROCU head: details,
 * accreditations, vetting, live commitments, and links to the PIP record
 * and the record's history.
 */
export function OfficerPage() {
  const { officerId = '' } = useParams();
  const location = useLocation();
  const { session, hasRole } = useSession();
  const { orgName, capabilityName } = useReference();
  const officer = useApi('GET /v1/officers/{officerId}', { params: { officerId } });
  const banner = (location.state as { banner?: string } | null)?.banner;
  usePageTitle(officer.data?.name ?? 'Officer record');
  if (officer.loading && !officer.data) return <Loading what="Loading the officer record" />;
  if (officer.error || !officer.data) return <LoadError error={officer.error} />;
  const o = officer.data;
  // The unit the officer serves in keeps the record (their home, or the unit a posting has them serve in).
  const canEdit = hasRole('hr-lead') && (o.servingOrgId ?? o.homeOrgId) === session?.claims.org && o.status === 'active';
  const change = (part: string, hidden: string) => (canEdit ? [{ to: `/officers/${o.id}/${part}`, text: 'Change', hidden }] : []);
  return (
    <>
      <BackLink to="/officers">Back to officer records</BackLink>
      {banner ? (
        <NotificationBanner success>
          <p className="govuk-notification-banner__heading">{banner}</p>
        </NotificationBanner>
      ) : null}
      <span className="govuk-caption-l">{orgName(o.homeOrgId)}</span>
      <h1 className="govuk-heading-l">{o.name}</h1>
      {o.status === 'left' ? (
        <p className="govuk-body">
          <Tag text="Left the service" className="govuk-tag--grey" /> This record can no longer be changed.
        </p>
      ) : null}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <SummaryCard title="Details" testId="officer-details">
            <SummaryList
              rows={[
                { key: 'Staff number', value: o.staffNumber ?? 'None' },
                { key: 'Home organisation', value: orgName(o.homeOrgId) },
                { key: 'Region', value: REGION_NAMES[o.region] ?? o.region },
                { key: 'Email', value: o.email ?? 'None recorded' },
                { key: 'Last changed', value: formatDateTime(o.updatedAt) },
              ]}
            />
          </SummaryCard>
          <PostingCard officer={o} />
          <SummaryCard title="Accreditations" actions={change('accreditations', 'accreditations')} testId="officer-accreditations">
            <SummaryList
              rows={[
                {
                  key: 'Capabilities',
                  value: o.capabilities.length ? (
                    <ul className="govuk-list govuk-!-margin-bottom-0">
                      {o.capabilities.map((c) => (
                        <li key={c}>{capabilityName(c)}</li>
                      ))}
                    </ul>
                  ) : (
                    'None'
                  ),
                },
                { key: 'PIP level', value: PIP[o.pipLevel] ?? `Level ${o.pipLevel}` },
              ]}
            />
          </SummaryCard>
          <SummaryCard title="Vetting" actions={change('vetting', 'vetting')} testId="officer-vetting">
            <SummaryList
              rows={[
                { key: 'Level', value: VETTING[o.vetting] ?? o.vetting },
                { key: 'Expires', value: o.vettingExpiresOn ? formatDate(o.vettingExpiresOn) : 'No expiry recorded' },
              ]}
            />
          </SummaryCard>
          {o.commitments?.length ? (
            <SummaryCard title="Leaving for" testId="officer-commitments">
              <SummaryList
                rows={o.commitments.map((c) => ({
                  key: c.kind === 'move' ? 'A move' : 'A secondment',
                  value: `${c.title}, ${orgName(c.toOrgId)}, from ${formatDate(c.startDate)}${c.endDate ? ` to ${formatDate(c.endDate)}` : ''}`,
                }))}
              />
            </SummaryCard>
          ) : null}
          <AuditTrail entity={`officer:${o.id}`} heading="Audit trail" />
          {hasRole('hr-lead') ? (
            <ul className="govuk-list">
              <li>
                <Link className="govuk-link" to={`/officers/${o.id}/pip`}>
                  PIP record
                </Link>
              </li>
            </ul>
          ) : null}
        </div>
      </div>
    </>
  );
}

/**
 * `/officers/:officerId/accreditations` and `/vetting`: change one part of
 * the record (PATCH with the version read). If someone else saved first
 * (409), the edit stays on the page with the record as it now is beside it,
 * and saving again applies the edit to that latest version.
 */
export function OfficerEdit({ part }: { part: 'accreditations' | 'vetting' }) {
  const { officerId = '' } = useParams();
  const navigate = useNavigate();
  const { capabilities, capabilityName, orgName } = useReference();
  const officer = useApi('GET /v1/officers/{officerId}', { params: { officerId } });
  const [draft, setDraft] = useState<{ capabilities: string[]; pipLevel: string; vetting: string; expires: DateParts }>();
  const [stale, setStale] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const title = part === 'accreditations' ? 'Change accreditations' : 'Change vetting';
  usePageTitle(officer.data ? `${title}: ${officer.data.name}` : title, hasErrors(errors));
  if (officer.loading && !officer.data) return <Loading what="Loading the officer record" />;
  if (officer.error || !officer.data) return <LoadError error={officer.error} />;
  const o = officer.data;
  const d = draft ?? { capabilities: o.capabilities, pipLevel: String(o.pipLevel), vetting: o.vetting, expires: datePartsFrom(o.vettingExpiresOn) };
  // The version on screen: after a stale save, the latest one (reloaded), so saving again applies the edit to it.
  const version = o.version;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const expiry = isBlankDate(d.expires) ? null : isoFromParts(d.expires);
    const check = formErrors(
      part === 'vetting'
        ? [!d.vetting && ['vetting', 'Select the vetting level'], expiry === undefined && ['vettingExpiresOn', 'The expiry date must be a real date, for example 31 12 2028']]
        : [!d.pipLevel && ['pipLevel', 'Select the PIP level']],
    );
    setErrors(check);
    if (hasErrors(check)) return;
    const body: OfficerPatch =
      part === 'vetting'
        ? { vetting: d.vetting as Officer['vetting'], vettingExpiresOn: expiry ?? null, version }
        : { capabilities: d.capabilities, pipLevel: Number(d.pipLevel), version };
    setBusy(true);
    try {
      const saved = await api.call('PATCH /v1/officers/{officerId}', { params: { officerId }, body });
      navigate(`/officers/${officerId}`, {
        state: { banner: part === 'vetting' ? `${saved.name}’s vetting is now ${vettingText(saved)}.` : `${saved.name}’s accreditations are saved.` },
      });
    } catch (err) {
      if (isStaleVersion(err)) {
        // Keep what the user typed; show the record as it is now, and save over that version next time.
        setDraft(d);
        await officer.reload();
        setStale(true);
        setErrors(noErrors);
      } else {
        setErrors(
          formErrorsFrom(err, { capabilities: 'Capabilities', pipLevel: 'PIP level', vetting: 'Vetting level', vettingExpiresOn: 'Expiry date' }),
        );
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <BackLink to={`/officers/${officerId}`}>Back to {o.name}’s record</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          {stale ? (
            <NotificationBanner title="Important">
              <p className="govuk-notification-banner__heading" data-testid="stale-version">
                Someone else changed this record while you were editing it.
              </p>
              <p className="govuk-body">
                Your changes are still in the form below; the record as it is now is under “Saved now”. Check your changes and save again to apply
                them to the latest record.
              </p>
            </NotificationBanner>
          ) : null}
          <span className="govuk-caption-l">
            {o.name}, {orgName(o.homeOrgId)}
          </span>
          <h1 className="govuk-heading-l">{title}</h1>
          {stale ? (
            <SummaryCard title="Saved now" testId="latest-record">
              <SummaryList
                rows={
                  part === 'vetting'
                    ? [{ key: 'Vetting', value: vettingText(o) }]
                    : [
                        { key: 'Capabilities', value: o.capabilities.map(capabilityName).join(', ') || 'None' },
                        { key: 'PIP level', value: PIP[o.pipLevel] ?? o.pipLevel },
                      ]
                }
              />
            </SummaryCard>
          ) : null}
          <form onSubmit={submit} noValidate>
            {part === 'accreditations' ? (
              <>
                <Checkboxes
                  id="capabilities"
                  legend="Capabilities held as active accreditations"
                  legendClass="govuk-fieldset__legend--m"
                  hint="The officer counts in the team of each capability their unit runs. Select all that apply."
                  small
                  items={capabilities.map((c) => ({ value: c.id, text: c.name }))}
                  values={d.capabilities}
                  onChange={(values) => setDraft({ ...d, capabilities: values })}
                  error={errors.fields.capabilities}
                />
                <Radios
                  id="pipLevel"
                  legend="PIP level"
                  legendClass="govuk-fieldset__legend--m"
                  items={[0, 1, 2, 3, 4].map((n) => ({ value: String(n), text: n === 0 ? 'None' : PIP[n] }))}
                  value={d.pipLevel}
                  onChange={(pipLevel) => setDraft({ ...d, pipLevel })}
                  error={errors.fields.pipLevel}
                />
              </>
            ) : (
              <>
                <Radios
                  id="vetting"
                  legend="Vetting level"
                  legendClass="govuk-fieldset__legend--m"
                  items={VETTING_ORDER.map((v) => ({ value: v, text: VETTING[v] }))}
                  value={d.vetting}
                  onChange={(vetting) => setDraft({ ...d, vetting })}
                  error={errors.fields.vetting}
                />
                <DateInput
                  id="vettingExpiresOn"
                  legend="When the clearance expires"
                  hint="For example, 31 12 2028. Leave it empty if no expiry is recorded."
                  value={d.expires}
                  onChange={(expires) => setDraft({ ...d, expires })}
                  error={errors.fields.vettingExpiresOn}
                />
              </>
            )}
            <div className="govuk-button-group">
              <Button busy={busy}>Save changes</Button>
              <Link className="govuk-link" to={`/officers/${officerId}`}>
                Cancel
              </Link>
            </div>
          </form>
        </div>
      </div>
    </>
  );
}
