import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../api';
import { Button, DateInput, ErrorSummary, Radios, TextInput, Textarea, isBlankDate, isoFromParts, type DateParts } from '../components/form';
import { AlertStatusTag, BackLink, LevelTag, LoadError, Loading, NotificationBanner, SummaryList, usePageTitle } from '../components/ui';
import { formErrors, formErrorsFrom, hasErrors, noErrors, type FormErrors } from '../errors';
import { ALERT_KIND, ALERT_OUTCOME, formatDate, formatDateTime } from '../format';
import { actorText } from '../components/audit-trail';
import { useApi } from '../hooks';
import { useReference } from '../reference';
import { useSession } from '../session';
import type { RouteBody, RouteResponse } from '../routes';
import type { AlertDetail } from '../types';
import { OfficerCard, TeamCard, againstMinimum } from '../components/decision-facts';

type AlertContext = RouteResponse<'GET /v1/alerts/{id}/context'>;

type RespondBody = RouteBody<'POST /v1/alerts/{id}/respond'>;
type DecideBody = RouteBody<'POST /v1/alerts/{id}/decide'>;

const RESPOND_LABELS = { decision: 'Your answer', cap: 'Most offers to your officers', releaseDate: 'Release date', note: 'Note' };

/** An audit entry of the alert in words: `alert.request-cap` with `{cap: 2}` → "Asked for a per-source cap of 2". */
function historyText(action: string, changes: Record<string, unknown> | undefined): string {
  const what = action.replace(/^alert\./, '');
  const cap = typeof changes?.cap === 'number' ? changes.cap : undefined;
  const date = typeof changes?.releaseDate === 'string' ? formatDate(changes.releaseDate) : undefined;
  const words: Record<string, string> = {
    raised: 'Alert raised',
    accept: 'The ROCU head accepted the risk',
    'request-cap': `The ROCU head asked for a per-source cap${cap !== undefined ? ` of ${cap}` : ''}`,
    object: 'The ROCU head objected: escalated to the ROCC',
    release: 'The ROCU head released the officer',
    defer: `The ROCU head deferred the release${date ? ` to ${date}` : ''}`,
    acknowledge: 'Acknowledged',
    uphold: changes?.defaultOutcome ? 'No ROCC decision in 5 working days: the default outcome applied (as upheld)' : 'The ROCC upheld the objection',
    overrule: 'The ROCC overruled the objection',
    referred: 'The HR lead referred the cap request to the ROCC',
    escalated: 'Escalated to the ROCC: no answer in 10 working days',
    resolved: 'Resolved',
    withdrawn: 'Withdrawn',
  };
  return words[what] ?? what.replace(/-/g, ' ');
}

function RespondForm({ alert, suggestedCap, onDone }: { alert: AlertDetail; suggestedCap: number | null | undefined; onDone: (message: string) => Promise<void> }) {
  const { orgName } = useReference();
  const [decision, setDecision] = useState('');
  const [cap, setCap] = useState('');
  const [release, setRelease] = useState<DateParts>({ day: '', month: '', year: '' });
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  usePageTitle(`${ALERT_KIND[alert.kind] ?? 'Alert'}: ${alert.campaignTitle}`, hasErrors(errors));
  const org = orgName(alert.orgId);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const capN = Number(cap.trim());
    const capValid = cap.trim() !== '' && Number.isInteger(capN) && capN >= 0;
    const releaseIso = isoFromParts(release);
    const check = formErrors([
      !decision && ['decision', 'Select your answer'],
      decision === 'request-cap' && !capValid && ['cap', 'Enter the most offers to your officers as a whole number, for example 2'],
      decision === 'defer' && isBlankDate(release) && ['releaseDate', 'Enter the date you can release the officer'],
      decision === 'defer' && !isBlankDate(release) && !releaseIso && ['releaseDate', 'The release date must be a real date'],
      decision === 'object' && !note.trim() && ['note', 'Say why you object: the ROCC reads it'],
    ]);
    setErrors(check);
    if (hasErrors(check)) return;
    setBusy(true);
    try {
      await api.call('POST /v1/alerts/{id}/respond', {
        params: { id: alert.id },
        body: {
          decision: decision as RespondBody['decision'],
          note: note.trim(),
          ...(decision === 'request-cap' ? { cap: capN } : {}),
          ...(decision === 'defer' ? { releaseDate: releaseIso } : {}),
        },
      });
      await onDone('Your answer is recorded. The campaign’s HR lead has been told.');
    } catch (err) {
      setErrors(formErrorsFrom(err, RESPOND_LABELS));
      setBusy(false);
    }
  };

  const items =
    alert.kind === 'campaign-impact'
      ? [
          { value: 'accept', text: 'Accept the risk', hint: 'The campaign can go ahead as it is.' },
          {
            value: 'request-cap',
            text: 'Ask for a per-source cap',
            hint: `The campaign waits until it makes no more than this many offers to ${org} officers.`,
            conditional: (
              <TextInput
                id="cap"
                label={`Most offers to ${org} officers`}
                hint={
                  suggestedCap !== null && suggestedCap !== undefined
                    ? `A cap of ${suggestedCap} is the largest that keeps every ${org} team at or above its minimum.`
                    : undefined
                }
                inputMode="numeric"
                width={3}
                value={cap}
                onChange={setCap}
                error={errors.fields.cap}
              />
            ),
          },
          { value: 'object', text: 'Object', hint: 'The ROCC for your region decides.' },
        ]
      : alert.kind === 'offer-release'
        ? [
            { value: 'release', text: 'Release the officer', hint: alert.requestedStart ? `On the requested start date, ${formatDate(alert.requestedStart)}.` : undefined },
            {
              value: 'defer',
              text: 'Release from a later date',
              hint: 'At most 90 days after the requested start date.',
              conditional: (
                <DateInput id="releaseDate" legend="Release date" hint="For example, 1 4 2027" value={release} onChange={setRelease} error={errors.fields.releaseDate} />
              ),
            },
            { value: 'object', text: 'Object', hint: 'The ROCC for your region decides.' },
          ]
        : [{ value: 'acknowledge', text: 'Acknowledge' }];

  return (
    <form onSubmit={submit} noValidate data-testid="respond-form">
      <ErrorSummary errors={errors} />
      <Radios id="decision" legend={<h2 className="govuk-fieldset__heading">Your answer</h2>} legendClass="govuk-fieldset__legend--m" error={errors.fields.decision} value={decision} onChange={setDecision} items={items} />
      <Textarea id="note" label="Note" hint="Who reads it: the campaign’s HR lead and, if it is escalated, the ROCC." value={note} onChange={setNote} error={errors.fields.note} rows={3} />
      <Button busy={busy}>Send answer</Button>
    </form>
  );
}

function DecideForm({ alert, onDone }: { alert: AlertDetail; onDone: (message: string) => Promise<void> }) {
  const [decision, setDecision] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  usePageTitle(`Escalation: ${alert.campaignTitle}`, hasErrors(errors));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const check = formErrors([!decision && ['decision', 'Select your decision'], !note.trim() && ['note', 'Enter the reason for your decision']]);
    setErrors(check);
    if (hasErrors(check)) return;
    setBusy(true);
    try {
      await api.call('POST /v1/alerts/{id}/decide', { params: { id: alert.id }, body: { decision: decision as DecideBody['decision'], note: note.trim() } });
      await onDone('Your decision is recorded.');
    } catch (err) {
      setErrors(formErrorsFrom(err, { decision: 'Your decision', note: 'Reason' }));
      setBusy(false);
    }
  };
  const upholdHint =
    alert.kind === 'offer-release' ? 'The officer’s release is deferred to the latest allowed date.' : 'A cap is imposed that keeps the ROCU at its minimum.';
  const overruleHint = alert.kind === 'offer-release' ? 'The officer is released now.' : 'The campaign goes ahead without a cap for this ROCU.';
  return (
    <form onSubmit={submit} noValidate data-testid="decide-form">
      <ErrorSummary errors={errors} />
      <Radios
        id="decision"
        legend={<h2 className="govuk-fieldset__heading">Your decision</h2>}
        legendClass="govuk-fieldset__legend--m"
        error={errors.fields.decision}
        value={decision}
        onChange={setDecision}
        items={[
          { value: 'uphold', text: 'Uphold the objection', hint: upholdHint },
          { value: 'overrule', text: 'Overrule the objection', hint: overruleHint },
        ]}
      />
      <Textarea id="note" label="Reason" value={note} onChange={setNote} error={errors.fields.note} rows={3} />
      <Button busy={busy}>Record decision</Button>
    </form>
  );
}

function ReferForm({ alert, onDone }: { alert: AlertDetail; onDone: (message: string) => Promise<void> }) {
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const refer = async () => {
    setBusy(true);
    try {
      await api.call('POST /v1/alerts/{id}/refer', { params: { id: alert.id } });
      await onDone('The cap request is referred to the ROCC, who will decide it.');
    } catch (err) {
      setErrors(formErrorsFrom(err));
      setBusy(false);
    }
  };
  return (
    <>
      <ErrorSummary errors={errors} />
      <h2 className="govuk-heading-m">What you can do</h2>
      <p className="govuk-body">
        <Link className="govuk-link" to={`/campaigns/${alert.campaignId}/edit`}>
          Set the campaign’s cap to {alert.requestedCap} or less
        </Link>
        , or refer the request to the ROCC if you think the campaign should go ahead without it.
      </p>
      <Button type="button" secondary busy={busy} onClick={() => void refer()}>
        Refer to the ROCC
      </Button>
    </>
  );
}

/** The sentence that opens an alert: whom or what it is about, and what it would do to the team, as it stands. */
function alertSentence(a: AlertDetail, context: AlertContext | undefined, org: string, team: string): string {
  const lead = context?.teams[0];
  if (a.kind === 'coordination') return 'Another campaign for the same capability overlaps this one in time and region.';
  if (a.kind === 'offer-release') {
    const who = context?.officer?.name;
    if (!context || !lead) return `This offer would take the ${team} from ${a.projected} to ${a.projectedAfter}, ${againstMinimum(a.projectedAfter, a.minimum)}.`;
    if (context.effect === 'would') return `This offer to ${who ?? 'the officer'} would take the ${team} from ${lead.projected} to ${lead.after}, ${againstMinimum(lead.after, lead.minimum)}.`;
    if (context.effect === 'has') return `${who ?? 'The officer'} has accepted the offer: the ${team} now stands at ${lead.projected}, ${againstMinimum(lead.projected, lead.minimum)}.`;
    return `The offer to ${who ?? 'the officer'} is no longer open: the ${team} stands at ${lead.projected}, ${againstMinimum(lead.projected, lead.minimum)}.`;
  }
  if (!context || !lead) {
    return `If this campaign recruited as many eligible officers as it can, the ${team} could fall from ${a.projected} to ${a.projectedAfter}, ${againstMinimum(a.projectedAfter, a.minimum)}.`;
  }
  if (context.effect === 'none') return `The campaign is ${context.campaign.status}: it takes nobody more, and the ${team} stands at ${lead.projected}, ${againstMinimum(lead.projected, lead.minimum)}.`;
  const capped = context.campaign.cap !== null ? `, with its cap of ${context.campaign.cap} ${context.campaign.cap === 1 ? 'offer' : 'offers'} to ${org} officers,` : '';
  return `If this campaign${capped} recruited as many eligible officers as it can, the ${team} could fall from ${lead.projected} to ${lead.after}, ${againstMinimum(lead.after, lead.minimum)}.`;
}

/**
 * `/alerts/:id`: an alert with the facts beside its decision (the officer,
 * the campaign, each team's numbers and who is already leaving, the effect
 * before and after, as they stand now), its history, and the form for
 * whoever is to answer it: the ROCU head (respond), the ROCC (decide) or the
 * campaign's HR lead (refer a cap request).
 */
export function AlertPage() {
  const { id = '' } = useParams();
  const { session, hasRole } = useSession();
  const { orgName, capabilityName } = useReference();
  const alert = useApi('GET /v1/alerts/{id}', { params: { id } });
  const context = useApi('GET /v1/alerts/{id}/context', { params: { id } });
  const [banner, setBanner] = useState<string>();
  usePageTitle(alert.data ? `${ALERT_KIND[alert.data.kind] ?? 'Alert'}: ${alert.data.campaignTitle}` : 'Alert');
  if (alert.loading && !alert.data) return <Loading what="Loading the alert" />;
  if (alert.error || !alert.data) return <LoadError error={alert.error} />;
  const a = alert.data;
  const c = context.data;
  const team = `${orgName(a.orgId)} ${capabilityName(a.capabilityId).toLowerCase()} team`;
  const done = async (message: string) => {
    await Promise.all([alert.reload(), context.reload()]);
    setBanner(message);
  };
  const canRespond = hasRole('rocu-head') && session?.claims.org === a.orgId && a.status === 'open';
  const canDecide = hasRole('rocc') && a.status === 'escalated';
  const canRefer = hasRole('hr-lead') && a.status === 'cap-requested';
  const back = hasRole('rocc') && !hasRole('rocu-head', 'hr-lead') ? '/escalations' : '/alerts';
  const offer = a.kind === 'offer-release';

  return (
    <>
      <BackLink to={back}>{back === '/escalations' ? 'Back to escalations' : 'Back to alerts'}</BackLink>
      {banner ? (
        <NotificationBanner success>
          <p className="govuk-notification-banner__heading">{banner}</p>
        </NotificationBanner>
      ) : null}
      <span className="govuk-caption-l">{ALERT_KIND[a.kind] ?? a.kind}</span>
      <h1 className="govuk-heading-l">{offer && c?.officer ? `${c.officer.name}: ${a.campaignTitle}` : a.campaignTitle}</h1>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body-l" data-testid="alert-summary">
            {alertSentence(a, c, orgName(a.orgId), team)}
          </p>
          {c && c.suggestedCap !== null && OUTSTANDING.has(a.status) ? (
            <div className="govuk-inset-text" data-testid="suggested-cap">
              A per-source cap of {c.suggestedCap} {c.suggestedCap === 1 ? 'offer' : 'offers'} to {orgName(a.orgId)} officers is the largest that keeps every{' '}
              {orgName(a.orgId)} team at or above its minimum.
            </div>
          ) : null}
          <SummaryList
            rows={[
              // A decided alert keeps the level it was raised at; the team's level as it stands now sits beside it.
              OUTSTANDING.has(a.status)
                ? { key: 'Level', value: <LevelTag level={a.level} /> }
                : { key: 'Level when raised', value: <LevelTag level={a.level} /> },
              !OUTSTANDING.has(a.status) && !!c?.teams[0] && { key: 'Level now', value: <span data-testid="level-now"><LevelTag level={c.teams[0].level} /></span> },
              { key: 'Status', value: <AlertStatusTag status={a.status} /> },
              !!a.outcome && { key: 'Outcome', value: ALERT_OUTCOME[a.outcome!] ?? a.outcome },
              {
                key: 'Campaign',
                value: (
                  <Link className="govuk-link" to={`/campaigns/${a.campaignId}`}>
                    {a.campaignTitle}
                  </Link>
                ),
              },
              !!c && {
                key: 'Posts',
                value:
                  c.campaign.postsFromUnit === c.campaign.posts
                    ? c.campaign.posts
                    : `${c.campaign.posts} (${c.campaign.postsFromUnit} could take ${orgName(a.orgId)} officers)`,
              },
              !!c && (offer ? !!c.campaign.startDate && { key: 'Start date offered', value: formatDate(c.campaign.startDate) } : { key: 'Applications', value: `${formatDate(c.campaign.opensOn)} to ${formatDate(c.campaign.closesOn)}` }),
              !!c && !offer && a.kind !== 'coordination' && { key: `Cap on offers to ${orgName(a.orgId)} officers`, value: c.campaign.cap ?? 'None' },
              !!c?.otherCampaign && {
                key: 'Overlapping campaign',
                value: (
                  <Link className="govuk-link" to={`/campaigns/${c.otherCampaign.id}`}>
                    {c.otherCampaign.title}
                  </Link>
                ),
              },
              !!a.requestedStart && !c && { key: 'Requested start', value: formatDate(a.requestedStart) },
              a.requestedCap !== null && { key: 'Cap asked for', value: a.requestedCap },
              a.imposedCap !== null && { key: 'Cap imposed', value: a.imposedCap },
              !!a.releaseDate && { key: 'Release date', value: formatDate(a.releaseDate) },
              !!a.dueAt && OUTSTANDING.has(a.status) && { key: 'Escalates to the ROCC if unanswered by', value: formatDateTime(a.dueAt) },
              !!a.escalatedAt && { key: 'With the ROCC since', value: formatDateTime(a.escalatedAt) },
              !!a.decideBy && a.status === 'escalated' && { key: 'The default outcome applies if the ROCC has not decided by', value: formatDateTime(a.decideBy) },
              { key: 'Raised', value: formatDateTime(a.createdAt) },
            ]}
          />
          {c?.officer ? <OfficerCard officer={c.officer} title="The officer" /> : null}
          {c && c.teams.length > 0 ? (
            <section aria-labelledby="teams-heading" data-testid="alert-teams">
              <h2 className="govuk-heading-m" id="teams-heading">
                {c.teams.length === 1 ? 'The team' : `The ${orgName(a.orgId)} teams ${offer ? 'the officer is in' : 'the campaign reaches'}`}
              </h2>
              {c.teams.map((t) => (
                <TeamCard
                  key={t.capabilityId}
                  team={t}
                  state={c.effect}
                  modal={offer ? 'would' : 'could'}
                  afterLabel={offer ? 'If the officer goes' : 'Worst case'}
                  headingLevel={3}
                />
              ))}
            </section>
          ) : context.loading ? (
            <Loading what="Loading the team’s numbers" />
          ) : null}
          {canRespond ? <RespondForm alert={a} suggestedCap={c?.suggestedCap} onDone={done} /> : null}
          {canDecide ? <DecideForm alert={a} onDone={done} /> : null}
          {canRefer ? <ReferForm alert={a} onDone={done} /> : null}
          <h2 className="govuk-heading-m">History</h2>
          {a.history.length === 0 ? (
            <p className="govuk-body">Nothing has happened yet.</p>
          ) : (
            <ol className="govuk-list app-history" data-testid="alert-history">
              {a.history.map((h) => (
                <li key={h.id} className="app-history__item">
                  <p className="govuk-body govuk-!-margin-bottom-1">
                    <strong>{historyText(h.action, h.changes)}</strong>
                  </p>
                  <p className="govuk-body-s govuk-!-margin-bottom-1">
                    {formatDateTime(h.at)} by {actorText(h.actor, orgName)}
                  </p>
                  {h.note ? <p className="govuk-body-s govuk-!-margin-bottom-0">“{h.note}”</p> : null}
                </li>
              ))}
            </ol>
          )}
        </div>
      </div>
    </>
  );
}

const OUTSTANDING = new Set(['open', 'cap-requested', 'escalated']);
