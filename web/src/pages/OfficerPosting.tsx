import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../api';
import { Button, DateInput, ErrorSummary, Textarea, isBlankDate, isoFromParts, type DateParts } from '../components/form';
import { SummaryCard } from '../components/summary-card';
import { BackLink, LoadError, Loading, SummaryList, usePageTitle } from '../components/ui';
import { formErrors, formErrorsFrom, hasErrors, noErrors, type FormErrors } from '../errors';
import { formatDate } from '../format';
import { useApi } from '../hooks';
import { useReference } from '../reference';
import { useSession } from '../session';
import type { Officer } from '../types';

/** Where the officer serves and until when, and who may extend it: the HR lead or ROCU head of the unit they serve in. */
export function PostingCard({ officer: o }: { officer: Officer }) {
  const { orgName } = useReference();
  const { session, hasRole } = useSession();
  const posted = !!o.servingOrgId && o.servingOrgId !== o.homeOrgId;
  const servingIn = posted ? o.servingOrgId! : o.homeOrgId;
  const canExtend = posted && o.status === 'active' && session?.claims.org === servingIn && (hasRole('hr-lead') || hasRole('rocu-head'));
  return (
    <SummaryCard
      title="Where they serve"
      testId="officer-posting"
      actions={canExtend ? [{ to: `/officers/${o.id}/posting/extend`, text: 'Extend the posting', hidden: '' }] : []}
    >
      <SummaryList
        rows={[
          { key: 'Serves in', value: posted ? `${orgName(servingIn)}, on a posting from ${orgName(o.homeOrgId)}` : `${orgName(o.homeOrgId)} (at home)` },
          posted && { key: 'Posting ends', value: o.servingUntil ? `${formatDate(o.servingUntil)}: from that day they count in ${orgName(o.homeOrgId)}’s teams` : 'No end date' },
          { key: 'Leaving date', value: o.leavingOn ? formatDate(o.leavingOn) : 'None recorded' },
        ]}
      />
    </SummaryCard>
  );
}

/**
 * `/officers/:officerId/posting/extend`: the serving unit's HR lead or ROCU
 * head moves a posting's end to a later date (audited, with a reason). The
 * officer keeps counting in the unit's teams until then.
 */
export function ExtendPosting() {
  const { officerId = '' } = useParams();
  const navigate = useNavigate();
  const { orgName } = useReference();
  const officer = useApi('GET /v1/officers/{officerId}', { params: { officerId } });
  const [until, setUntil] = useState<DateParts>({ day: '', month: '', year: '' });
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  usePageTitle(officer.data ? `Extend the posting: ${officer.data.name}` : 'Extend the posting', hasErrors(errors));
  if (officer.loading && !officer.data) return <Loading what="Loading the officer record" />;
  if (officer.error || !officer.data) return <LoadError error={officer.error} />;
  const o = officer.data;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const iso = isBlankDate(until) ? undefined : isoFromParts(until);
    const check = formErrors([
      isBlankDate(until) && ['servingUntil', 'Enter the new end date of the posting'],
      !isBlankDate(until) && iso === undefined && ['servingUntil', 'The end date must be a real date, for example 31 3 2028'],
      !!iso && !!o.servingUntil && iso <= o.servingUntil && ['servingUntil', `The new end date must be after ${formatDate(o.servingUntil)}, when the posting ends now`],
    ]);
    setErrors(check);
    if (hasErrors(check) || !iso) return;
    setBusy(true);
    try {
      const saved = await api.call('POST /v1/officers/{officerId}/posting/extend', { params: { officerId }, body: { servingUntil: iso, note, version: o.version } });
      navigate(`/officers/${officerId}`, { state: { banner: `${saved.name}’s posting now ends on ${formatDate(saved.servingUntil)}.` } });
    } catch (err) {
      setErrors(formErrorsFrom(err, { servingUntil: 'New end date', note: 'Reason' }));
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
          <span className="govuk-caption-l">
            {o.name}, from {orgName(o.homeOrgId)}
          </span>
          <h1 className="govuk-heading-l">Extend the posting</h1>
          <p className="govuk-body" data-testid="posting-now">
            {o.name} serves in {orgName(o.servingOrgId ?? o.homeOrgId)} until {o.servingUntil ? formatDate(o.servingUntil) : 'no end date'}. Until the new end
            date they keep counting in its teams; on that day they return to {orgName(o.homeOrgId)}.
          </p>
          <form onSubmit={submit} noValidate>
            <DateInput id="servingUntil" legend="New end date" hint="For example, 31 3 2028" value={until} onChange={setUntil} error={errors.fields.servingUntil} />
            <Textarea id="note" label="Reason (for the audit trail)" hint="For example, funding agreed with the force for another year" value={note} onChange={setNote} error={errors.fields.note} />
            <div className="govuk-button-group">
              <Button busy={busy}>Extend the posting</Button>
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
