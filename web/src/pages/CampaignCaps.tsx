import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../api';
import { wholeNumber } from '../components/campaign-form';
import { Button, ErrorSummary, Select, TextInput } from '../components/form';
import { BackLink, LoadError, Loading, usePageTitle } from '../components/ui';
import { formErrors, formErrorsFrom, hasErrors, noErrors, type FormErrors } from '../errors';
import { useApi } from '../hooks';
import { useReference } from '../reference';
import type { Campaign } from '../types';
import './reports.css';

/** Why a ROCU is on this page: its head asked for a cap, or a ROCC imposed one. */
function reasonFor(c: Campaign, orgId: string, orgName: (id: string) => string): string | undefined {
  const entry = c.consultation[orgId];
  if (entry?.outcome === 'cap-imposed') return `The ROCC imposed this cap to keep ${orgName(orgId)}’s team at its minimum. You can lower it, not raise or remove it.`;
  if (entry?.requestedCap !== null && entry?.requestedCap !== undefined) {
    return `${orgName(orgId)}’s ROCU head asked for no more than ${entry.requestedCap} ${entry.requestedCap === 1 ? 'offer' : 'offers'} to its officers.`;
  }
  return undefined;
}

/**
 * `/campaigns/:id/caps`: caps on offers to officers of single ROCUs, for the
 * one ROCU whose head asked (rather than a cap on every ROCU). Lists each ROCU
 * that asked or already has a cap, prefilled with what was asked; another
 * ROCU can be added. Sends only what changed, with the version read.
 */
export function CampaignCaps() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { rocus, orgName, capabilityName } = useReference();
  const campaign = useApi('GET /v1/campaigns/{id}', { params: { id } });
  const c = campaign.data;
  const [values, setValues] = useState<Record<string, string> | undefined>();
  const [added, setAdded] = useState<string[]>([]);
  const [adding, setAdding] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  usePageTitle(c ? `Caps for single ROCUs: ${c.title}` : 'Caps for single ROCUs', hasErrors(errors));

  if (campaign.loading && !c) return <Loading what="Loading the campaign" />;
  if (campaign.error || !c) return <LoadError error={campaign.error} />;
  if (c.status !== 'draft' && c.status !== 'consultation') {
    return (
      <>
        <BackLink to={`/campaigns/${id}`}>Back to the campaign</BackLink>
        <h1 className="govuk-heading-l">These caps cannot be changed</h1>
        <p className="govuk-body">A campaign’s caps can be changed only while it is a draft or in consultation.</p>
      </>
    );
  }

  const asked = Object.entries(c.consultation)
    .filter(([, e]) => e.requestedCap !== null)
    .map(([orgId]) => orgId);
  const orgIds = [...new Set([...asked, ...Object.keys(c.sourceCaps), ...added])];
  // What the form starts with: the cap in force, or what the head asked for.
  const initial = Object.fromEntries(
    orgIds.map((orgId) => [orgId, c.sourceCaps[orgId] !== undefined ? String(c.sourceCaps[orgId]) : c.consultation[orgId]?.requestedCap != null ? String(c.consultation[orgId]!.requestedCap) : '']),
  );
  const current = { ...initial, ...values };
  const addable = rocus.filter((o) => !orgIds.includes(o.id));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const changes: Record<string, number | null> = {};
    const problems: Array<[string, string]> = [];
    for (const orgId of orgIds) {
      const raw = (current[orgId] ?? '').trim();
      const cap = raw === '' ? null : wholeNumber(raw, 0);
      if (raw !== '' && cap === undefined) problems.push([`cap-${orgId}`, `Enter the most offers to ${orgName(orgId)} as a whole number, or leave it empty for no cap`]);
      else if (cap !== c.sourceCaps[orgId] && !(cap === null && c.sourceCaps[orgId] === undefined)) changes[orgId] = cap ?? null;
    }
    const check = formErrors(problems);
    setErrors(check);
    if (hasErrors(check)) return;
    setBusy(true);
    try {
      await api.call('PATCH /v1/campaigns/{id}', { params: { id }, body: { sourceCaps: changes, version: c.version } });
      const set = Object.entries(changes).filter(([, cap]) => cap !== null);
      navigate(`/campaigns/${id}`, {
        state: {
          banner:
            set.length > 0
              ? `Caps saved: ${set.map(([orgId, cap]) => `at most ${cap} ${cap === 1 ? 'offer' : 'offers'} to ${orgName(orgId)}`).join(', ')}. Publish again to open the campaign if nothing else holds it.`
              : 'Caps saved.',
        },
      });
    } catch (err) {
      setErrors(formErrorsFrom(err, { sourceCaps: 'Caps' }));
      setBusy(false);
    }
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/campaigns/${id}`}>Back to the campaign</BackLink>
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">
          {capabilityName(c.capabilityId)} campaign: {c.title}
        </span>
        <h1 className="govuk-heading-l">Caps for single ROCUs</h1>
        <p className="govuk-body">
          A cap here limits offers to officers of one ROCU only, such as the ROCU whose head asked for one. The campaign’s cap on every ROCU is{' '}
          {c.maxAppointmentsPerSource === null ? 'not set' : `${c.maxAppointmentsPerSource}`}; the lower of the two applies.
        </p>
        <form onSubmit={submit} noValidate data-testid="caps-form">
          {orgIds.length === 0 ? (
            <p className="govuk-body" data-testid="empty-state">
              No ROCU has asked for a cap on this campaign.
            </p>
          ) : null}
          {orgIds.map((orgId) => (
            <TextInput
              key={orgId}
              id={`cap-${orgId}`}
              label={`Most offers to ${orgName(orgId)} officers`}
              hint={reasonFor(c, orgId, orgName) ?? 'Leave it empty for no cap of its own.'}
              inputMode="numeric"
              width={3}
              value={current[orgId] ?? ''}
              onChange={(v) => setValues((all) => ({ ...all, [orgId]: v }))}
              error={errors.fields[`cap-${orgId}`]}
            />
          ))}
          <div className="app-filter">
            <Select
              id="add-rocu"
              label="Cap another ROCU"
              value={adding}
              onChange={setAdding}
              options={[{ value: '', text: 'Select a ROCU' }, ...addable.map((o) => ({ value: o.id, text: orgName(o.id) }))]}
            />
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              onClick={() => {
                if (!adding) return;
                setAdded((a) => [...a, adding]);
                setAdding('');
                requestAnimationFrame(() => document.getElementById(`cap-${adding}`)?.focus());
              }}
            >
              Add ROCU
            </button>
          </div>
          <Button busy={busy}>Save caps</Button>
        </form>
      </div>
    </div>
  );
}
