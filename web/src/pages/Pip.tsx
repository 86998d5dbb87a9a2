import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { api } from '../api';
import { Button, ErrorSummary, Radios, Textarea } from '../components/form';
import { BackLink, LoadError, Loading, NotificationBanner, SummaryList, Tag, usePageTitle } from '../components/ui';
import { formErrors, formErrorsFrom, hasErrors, noErrors, type FormErrors } from '../errors';
import { PIP, formatDate, formatDateTime } from '../format';
import { useApi } from '../hooks';
import { useReference } from '../reference';
import { useSession } from '../session';
import type { PipRecord } from '../types';

const STATUS: Record<PipRecord['status'], { text: string; tag: string }> = {
  'in-development': { text: 'In development', tag: 'govuk-tag--blue' },
  accredited: { text: 'Accredited', tag: 'govuk-tag--green' },
  none: { text: 'No PIP level', tag: 'govuk-tag--grey' },
};

/**
 * `/pip` (an officer's own record) and `/officers/:officerId/pip` (an HR lead,
 * or the officer's workplace assessor): the PIP level, development towards the
 * next, the assessor, evidence notes and sign-offs.
 */
export function PipRecordPage() {
  const params = useParams();
  const { session, hasRole } = useSession();
  const { orgName } = useReference();
  const location = useLocation();
  const banner = (location.state as { banner?: string } | null)?.banner;
  const own = !params.officerId;
  const officerId = params.officerId ?? session!.claims.officerId;
  const record = useApi(officerId ? 'GET /v1/officers/{officerId}/pip' : undefined, { params: { officerId: officerId ?? '' } });
  const r = record.data;
  usePageTitle(own ? 'Your PIP record' : r ? `PIP record of ${r.officerName}` : 'PIP record');
  if (!officerId) {
    return (
      <>
        <h1 className="govuk-heading-l">Your PIP record</h1>
        <p className="govuk-body">Your account is not linked to an officer record. Ask your HR lead.</p>
      </>
    );
  }
  if (record.loading && !r) return <Loading what="Loading the PIP record" />;
  if (record.error || !r) return <LoadError error={record.error} />;
  const status = STATUS[r.status];
  const mayAssess = hasRole('hr-lead') || (!!r.assessor && r.assessor.sub === session!.claims.sub);
  return (
    <>
      {banner ? (
        <NotificationBanner success>
          <p className="govuk-notification-banner__heading">{banner}</p>
        </NotificationBanner>
      ) : null}
      <span className="govuk-caption-l">
        {r.officerName}, {orgName(r.homeOrgId)}
      </span>
      <h1 className="govuk-heading-l">{own ? 'Your PIP record' : 'PIP record'}</h1>
      <SummaryList
        className="app-pip-summary"
        rows={[
          { key: 'PIP level', value: r.level === 0 ? 'None' : (PIP[r.level] ?? `Level ${r.level}`) },
          { key: 'Status', value: <Tag text={status.text} className={status.tag} /> },
          r.targetLevel ? { key: 'Developing towards', value: PIP[r.targetLevel] ?? `Level ${r.targetLevel}` } : null,
          r.developmentStartedOn ? { key: 'Development started', value: formatDate(r.developmentStartedOn) } : null,
          { key: 'Workplace assessor', value: r.assessor ? `${r.assessor.name}, ${orgName(r.assessor.orgId)}` : 'None assigned' },
          r.accreditedOn ? { key: 'Level signed off', value: formatDate(r.accreditedOn) } : null,
        ]}
      />
      {mayAssess && !own ? (
        <p className="govuk-body">
          <Link className="govuk-button" data-module="govuk-button" to={`/officers/${r.officerId}/pip/sign-off`}>
            Sign off a PIP level
          </Link>
        </p>
      ) : null}
      <h2 className="govuk-heading-m">Sign-offs</h2>
      {r.signOffs.length === 0 ? (
        <p className="govuk-body" data-testid="no-sign-offs">
          No level has been signed off through this service yet.
        </p>
      ) : (
        <ul className="govuk-list govuk-list--spaced" data-testid="sign-offs">
          {[...r.signOffs].reverse().map((s) => (
            <li key={s.at}>
              <strong>
                Level {s.previousLevel} to {s.level}
              </strong>
              , signed off by the {s.role === 'assessor' ? 'workplace assessor' : 'host HR lead'} ({orgName(s.org)}) on {formatDateTime(s.at)}: {s.evidence}
            </li>
          ))}
        </ul>
      )}
      <h2 className="govuk-heading-m">Evidence</h2>
      {r.evidence.length === 0 ? (
        <p className="govuk-body">No evidence notes yet.</p>
      ) : (
        <ul className="govuk-list govuk-list--spaced">
          {[...r.evidence].reverse().map((e) => (
            <li key={e.at}>
              <span className="govuk-body-s">
                {formatDateTime(e.at)}, {orgName(e.org)}:
              </span>{' '}
              {e.note}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

const LEVEL_LABELS = { level: 'Level', evidence: 'What the assessment found' };

/** `/officers/:officerId/pip/sign-off`: the workplace assessor or the host's HR lead signs off a level. */
export function PipSignOff() {
  const { officerId = '' } = useParams();
  const navigate = useNavigate();
  const record = useApi('GET /v1/officers/{officerId}/pip', { params: { officerId } });
  const [level, setLevel] = useState('');
  const [evidence, setEvidence] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const r = record.data;
  usePageTitle('Sign off a PIP level', hasErrors(errors));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const check = formErrors([
      !level && ['level', 'Select the level you are signing off'],
      !evidence.trim() && ['evidence', 'Enter what the assessment found'],
    ]);
    setErrors(check);
    if (hasErrors(check) || !r) return;
    setBusy(true);
    try {
      await api.call('POST /v1/officers/{officerId}/pip/sign-off', {
        params: { officerId },
        body: { level: Number(level), evidence: evidence.trim(), version: r.version },
      });
      navigate(`/officers/${officerId}/pip`, { state: { banner: `${r.officerName} is now signed off at PIP level ${level}.` } });
    } catch (err) {
      setErrors(formErrorsFrom(err, LEVEL_LABELS));
      setBusy(false);
      await record.reload();
    }
  };

  if (record.loading && !r) return <Loading what="Loading the PIP record" />;
  if (record.error || !r) return <LoadError error={record.error} />;
  const levels = [1, 2, 3, 4].filter((l) => l > r.level);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/officers/${officerId}/pip`}>PIP record</BackLink>
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{r.officerName}</span>
        <h1 className="govuk-heading-l">Sign off a PIP level</h1>
        <p className="govuk-body">
          After a PIP-development secondment, the workplace assessor or the host’s HR lead signs off the level the officer has shown. The level can be
          at most the placement’s target.
        </p>
        {levels.length === 0 ? (
          <p className="govuk-body">{r.officerName} already holds the highest PIP level.</p>
        ) : (
          <form onSubmit={submit} noValidate>
            <Radios
              id="level"
              legend="Level"
              legendClass="govuk-fieldset__legend--m"
              error={errors.fields.level}
              value={level}
              onChange={setLevel}
              items={levels.map((l) => ({ value: String(l), text: PIP[l] ?? `Level ${l}` }))}
            />
            <Textarea
              id="evidence"
              label="What the assessment found"
              hint="This is kept on the officer’s record and in the audit trail."
              value={evidence}
              onChange={setEvidence}
              error={errors.fields.evidence}
            />
            <Button busy={busy}>Sign off</Button>
          </form>
        )}
      </div>
    </div>
  );
}
