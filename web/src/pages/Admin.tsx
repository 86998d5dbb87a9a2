import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { ApiError, api } from '../api';
import { Button, ErrorSummary, TextInput, Textarea } from '../components/form';
import { AuditTrail } from '../components/audit-trail';
import { SummaryCard } from '../components/summary-card';
import { BackLink, LoadError, Loading, NotificationBanner, SummaryList, TableWrapper, usePageTitle } from '../components/ui';
import { formErrors, formErrorsFrom, hasErrors, isStaleVersion, noErrors, type FormErrors } from '../errors';
import { REGION_NAMES, ROLE_NAMES, formatDateTime } from '../format';
import { useApi, useGet, useIdempotencyKey } from '../hooks';
import { useReference } from '../reference';
import type { Persona, Role } from '../types';

type Contact = NonNullable<ReturnType<typeof useApi<'GET /v1/contacts'>>['data']>['items'][number];

const ORG_TYPE: Record<string, string> = { agency: 'Agency', rocu: 'Regional organised crime unit', force: 'Police force' };

function useBanner(): string | undefined {
  const location = useLocation();
  return (location.state as { banner?: string } | null)?.banner;
}

/** `/admin/organisations`: the NCA, the ROCUs and their forces, as the service knows them. */
export function AdminOrganisations() {
  usePageTitle('Organisations');
  const { organisations, orgName } = useReference();
  const groups = (['agency', 'rocu', 'force'] as const).map((type) => ({
    type,
    items: organisations.filter((o) => o.type === type).sort((a, b) => a.name.localeCompare(b.name)),
  }));
  return (
    <>
      <h1 className="govuk-heading-l">Organisations</h1>
      <p className="govuk-body">
        The organisations people belong to (a user’s organisation comes from their account) and officers are employed by. They are reference data
        loaded with the service; a new one is added by a release.
      </p>
      {organisations.length === 0 ? <Loading what="Loading organisations" /> : null}
      {groups.map(({ type, items }) =>
        items.length ? (
          <TableWrapper label={`${ORG_TYPE[type]}s`} key={type}>
            <table className="govuk-table" data-testid={`organisations-${type}`}>
              <caption className="govuk-table__caption govuk-table__caption--m">
                {type === 'agency' ? 'The agency' : `${ORG_TYPE[type]}s (${items.length})`}
              </caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Name</th>
                  <th scope="col" className="govuk-table__header">Id</th>
                  <th scope="col" className="govuk-table__header">Region</th>
                  <th scope="col" className="govuk-table__header">{type === 'force' ? 'Regional unit' : type === 'rocu' ? 'Forces' : 'Offices in'}</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {items.map((o) => (
                  <tr className="govuk-table__row" key={o.id}>
                    <th scope="row" className="govuk-table__header">
                      {o.name}
                    </th>
                    <td className="govuk-table__cell">
                      <code>{o.id}</code>
                    </td>
                    <td className="govuk-table__cell">{o.region ? REGION_NAMES[o.region] ?? o.region : 'National'}</td>
                    <td className="govuk-table__cell">
                      {type === 'force'
                        ? o.parentOrgId
                          ? orgName(o.parentOrgId)
                          : 'None'
                        : type === 'rocu'
                          ? o.forces.map(orgName).join(', ') || 'None'
                          : o.regions.map((r) => REGION_NAMES[r] ?? r).join(', ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrapper>
        ) : null,
      )}
    </>
  );
}

/** `my new thing` → `my-new-thing`: the id a capability name suggests. */
function slugOf(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
}

/** `/admin/capabilities`: the capability catalogue, and adding a capability to it. */
export function AdminCapabilities() {
  const { capabilities, reloadCapabilities } = useReference();
  const banner = useBanner();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [id, setId] = useState<string>();
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const [idempotencyKey, newKey] = useIdempotencyKey();
  usePageTitle('Capabilities', hasErrors(errors));
  const shownId = id ?? slugOf(name);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const check = formErrors([
      !name.trim() && ['name', 'Enter the capability’s name'],
      name.trim().length > 120 && ['name', 'The name must be 120 characters or fewer'],
      !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(shownId) && ['id', 'The id must be lower-case letters and digits, with hyphens between words, for example asset-recovery'],
      shownId.length < 2 && ['id', 'The id must be at least 2 characters'],
    ]);
    setErrors(check);
    if (hasErrors(check)) return;
    setBusy(true);
    try {
      const created = await api.call('POST /v1/capabilities', { body: { id: shownId, name: name.trim() } }, { idempotencyKey });
      await reloadCapabilities();
      setName('');
      setId(undefined);
      newKey();
      setErrors(noErrors);
      navigate('/admin/capabilities', { replace: true, state: { banner: `${created.name} is added to the catalogue.` } });
    } catch (err) {
      setErrors(formErrorsFrom(err, { id: 'Id', name: 'Name' }));
    } finally {
      setBusy(false);
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
      <h1 className="govuk-heading-l">Capabilities</h1>
      <p className="govuk-body">
        The specialisms officers hold and teams are counted by. A capability added here can be given to officers, campaigns and placements at once;
        each ROCU head then sets their team’s minimum. Capabilities are never removed, so history keeps its meaning.
      </p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <TableWrapper label="Capabilities">
            <table className="govuk-table" data-testid="capabilities-table">
              <caption className="govuk-table__caption govuk-table__caption--m">The catalogue ({capabilities.length})</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Name</th>
                  <th scope="col" className="govuk-table__header">Id</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {[...capabilities]
                  .sort((a, b) => a.name.localeCompare(b.name))
                  .map((c) => (
                    <tr className="govuk-table__row" key={c.id}>
                      <td className="govuk-table__cell">{c.name}</td>
                      <td className="govuk-table__cell">
                        <code>{c.id}</code>
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </TableWrapper>
        </div>
        <div className="govuk-grid-column-one-half">
          <form onSubmit={submit} noValidate data-testid="add-capability">
            <h2 className="govuk-heading-m">Add a capability</h2>
            <TextInput id="name" label="Name" hint="As people will read it, for example Asset recovery" value={name} onChange={setName} error={errors.fields.name} />
            <TextInput
              id="id"
              label="Id"
              hint="How the API and CSV files name it: lower-case letters, digits and hyphens. It cannot be changed later."
              value={shownId}
              onChange={setId}
              error={errors.fields.id}
              spellCheck={false}
            />
            <Button busy={busy}>Add capability</Button>
          </form>
        </div>
      </div>
    </>
  );
}

const KIND_TEXT: Record<Contact['kind'], string> = { 'rocu-head': 'ROCU heads', 'hr-lead': 'HR leads', rocc: 'Regional organised crime co-ordinators' };

/** "TITAN ROCU head", "NCA HR lead", "North West ROCC": an inbox in words. */
function audienceName(c: Pick<Contact, 'kind' | 'orgId' | 'region'>, orgName: (id: string) => string): string {
  if (c.kind === 'rocc') return `${REGION_NAMES[c.region ?? ''] ?? c.region} ROCC`;
  return `${orgName(c.orgId ?? '')} ${c.kind === 'rocu-head' ? 'ROCU head' : 'HR lead'}`;
}

/** `/admin/contacts`: who is emailed for each inbox, grouped by role, with a way to change each. */
export function AdminContacts() {
  usePageTitle('Notification contacts');
  const { orgName } = useReference();
  const banner = useBanner();
  const list = useApi('GET /v1/contacts');
  const items = list.data?.items ?? [];
  return (
    <>
      {banner ? (
        <NotificationBanner success>
          <p className="govuk-notification-banner__heading">{banner}</p>
        </NotificationBanner>
      ) : null}
      <h1 className="govuk-heading-l">Notification contacts</h1>
      <p className="govuk-body">
        Who the service emails when something arrives in an inbox: an alert for a ROCU head, a held offer for an HR lead, an escalation for a ROCC.
        An inbox with no addresses emails nobody; its people still see it when they sign in. Officers are emailed at the address on their own record.
      </p>
      {list.loading && !list.data ? <Loading what="Loading contacts" /> : null}
      {list.error ? <LoadError error={list.error} /> : null}
      {(['rocu-head', 'hr-lead', 'rocc'] as const).map((kind) => {
        const rows = items.filter((c) => c.kind === kind);
        if (!rows.length) return null;
        return (
          <TableWrapper label={KIND_TEXT[kind]} key={kind}>
            <table className="govuk-table" data-testid={`contacts-${kind}`}>
              <caption className="govuk-table__caption govuk-table__caption--m">{KIND_TEXT[kind]}</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Inbox</th>
                  <th scope="col" className="govuk-table__header">Emailed to</th>
                  <th scope="col" className="govuk-table__header">
                    <span className="govuk-visually-hidden">Action</span>
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {rows.map((c) => (
                  <tr className="govuk-table__row" key={c.audience} data-audience={c.audience}>
                    <th scope="row" className="govuk-table__header">
                      {audienceName(c, orgName)}
                    </th>
                    <td className="govuk-table__cell app-break-words">{c.emails.length ? c.emails.join(', ') : 'Nobody'}</td>
                    <td className="govuk-table__cell">
                      <Link className="govuk-link" to={`/admin/contacts/${encodeURIComponent(c.audience)}`}>
                        Change<span className="govuk-visually-hidden"> who is emailed for the {audienceName(c, orgName)}</span>
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrapper>
        );
      })}
    </>
  );
}

/**
 * `/admin/contacts/:audience`: change who is emailed for one inbox, one
 * address a line. A stale version (someone else saved first) keeps the edit
 * beside the addresses as they now are.
 */
export function AdminContactEdit() {
  const { audience = '' } = useParams();
  const navigate = useNavigate();
  const { orgName } = useReference();
  const list = useApi('GET /v1/contacts');
  const [text, setText] = useState<string>();
  const [stale, setStale] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const contact = list.data?.items.find((c) => c.audience === audience);
  const title = contact ? `Who is emailed for the ${audienceName(contact, orgName)}` : 'Notification contacts';
  usePageTitle(title, hasErrors(errors));
  if (list.loading && !list.data) return <Loading what="Loading contacts" />;
  if (list.error) return <LoadError error={list.error} />;
  if (!contact) return <LoadError error={new ApiError(404, 'not_found', `There is no inbox “${audience}”.`)} />;
  const value = text ?? contact.emails.join('\n');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const emails = value
      .split(/[\s,;]+/)
      .map((e) => e.trim())
      .filter(Boolean);
    const invalid = emails.filter((e) => !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e));
    const lower = emails.map((e) => e.toLowerCase());
    const check = formErrors([
      invalid.length > 0 && ['emails', `Enter email addresses in the right format, like name@example.org: ${invalid.slice(0, 3).join(', ')} ${invalid.length === 1 ? 'is' : 'are'} not`],
      new Set(lower).size !== lower.length && ['emails', 'Enter each email address once'],
      emails.length > 20 && ['emails', 'Enter at most 20 email addresses'],
    ]);
    setErrors(check);
    if (hasErrors(check)) return;
    setBusy(true);
    try {
      const saved = await api.call('PUT /v1/contacts/{audience}', { params: { audience }, body: { emails, version: contact.version } });
      navigate('/admin/contacts', {
        state: { banner: `${audienceName(saved, orgName)}: ${saved.emails.length ? `emailed to ${saved.emails.join(', ')}` : 'nobody is emailed'}.` },
      });
    } catch (err) {
      if (isStaleVersion(err)) {
        setText(value);
        await list.reload();
        setStale(true);
        setErrors(noErrors);
      } else {
        setErrors(formErrorsFrom(err, { emails: 'Email addresses' }));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <BackLink to="/admin/contacts">Back to notification contacts</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          {stale ? (
            <NotificationBanner title="Important">
              <p className="govuk-notification-banner__heading" data-testid="stale-version">
                Someone else changed this list while you were editing it.
              </p>
              <p className="govuk-body">Your addresses are still in the box below, the list as it is now beside them. Check them and save again.</p>
            </NotificationBanner>
          ) : null}
          <h1 className="govuk-heading-l">{title}</h1>
          <SummaryCard title={stale ? 'Saved now' : 'Emailed now'} testId="current-contacts">
            <SummaryList
              rows={[
                { key: 'Addresses', value: contact.emails.length ? contact.emails.join(', ') : 'Nobody' },
                { key: 'Last changed', value: contact.updatedAt ? formatDateTime(contact.updatedAt) : 'Not since the service was set up' },
              ]}
            />
          </SummaryCard>
          <form onSubmit={submit} noValidate>
            <Textarea
              id="emails"
              label="Email addresses"
              labelClass="govuk-label--m"
              hint="One a line, at most 20. Leave it empty to email nobody."
              rows={6}
              value={value}
              onChange={setText}
              error={errors.fields.emails}
            />
            <div className="govuk-button-group">
              <Button busy={busy}>Save addresses</Button>
              <Link className="govuk-link" to="/admin/contacts">
                Cancel
              </Link>
            </div>
          </form>
          <AuditTrail entity={`contact:${audience}`} heading="Changes to this list" />
        </div>
      </div>
    </>
  );
}

/** What each role comes to the service to do, for an administrator supporting its users. */
const ROLE_DUTIES: Record<Role, string[]> = {
  officer: [
    'Browses open vacancies and secondment placements, and applies',
    'Accepts or withdraws from offers (an offer waiting for release cannot be accepted yet)',
    'Sees their own applications, course bookings and PIP record',
  ],
  'hr-lead': [
    'Drafts and runs campaigns for their organisation, alone or jointly, with per-ROCU caps',
    'Shortlists, makes offers, posts secondment placements and courses',
    'Keeps their organisation’s officer records: imports, accreditations, vetting',
    'Sets the establishment (funded posts) of each team',
  ],
  'rocu-head': [
    'Sets each team’s minimum viable strength',
    'Answers capability alerts: accepts a campaign’s risk, asks for a cap or objects; releases, defers or objects to an offer',
    'Decides their officers’ secondment requests',
  ],
  rocc: ['Decides escalated objections and unanswered alerts in their regions within 5 working days', 'Sees the regional picture: heatmap, secondment flows'],
  admin: ['Keeps the reference data: organisations and the capability catalogue', 'Keeps who is emailed for each inbox', 'Supports users: what each role can do'],
};

/**
 * `/admin/roles`: the roles, what each can do and where it starts; in a
 * local run, the demo personas too (the deployed service has no personas:
 * users are created in Cognito, in the groups of their roles).
 */
export function AdminRoles() {
  usePageTitle('Roles and personas');
  const { orgName } = useReference();
  const personas = useGet<{ items: Persona[] }>('/local/personas');
  return (
    <>
      <h1 className="govuk-heading-l">Roles and personas</h1>
      <p className="govuk-body">
        A user belongs to one organisation and has one or more roles; every page and every record they see is scoped by them. A person who is told
        “You cannot use this page” has a role that page is not for.
      </p>
      {(Object.keys(ROLE_DUTIES) as Role[]).map((role) => (
        <SummaryCard title={ROLE_NAMES[role] ?? role} key={role} testId={`role-${role}`}>
          <ul className="govuk-list govuk-list--bullet">
            {ROLE_DUTIES[role].map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        </SummaryCard>
      ))}
      {personas.data ? (
        <>
          <h2 className="govuk-heading-m">Demo personas (local runs)</h2>
          <TableWrapper label="Demo personas">
            <table className="govuk-table" data-testid="personas-table">
              <caption className="govuk-table__caption govuk-visually-hidden">The people a local run can sign in as</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Name</th>
                  <th scope="col" className="govuk-table__header">Organisation</th>
                  <th scope="col" className="govuk-table__header">Roles</th>
                  <th scope="col" className="govuk-table__header">Who they are</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {personas.data.items.map((p) => (
                  <tr className="govuk-table__row" key={p.id}>
                    <th scope="row" className="govuk-table__header">
                      {p.name}
                      <br />
                      <code className="govuk-body-s">{p.id}</code>
                    </th>
                    <td className="govuk-table__cell">{orgName(p.org)}</td>
                    <td className="govuk-table__cell">{p.roles.map((r) => ROLE_NAMES[r] ?? r).join(', ')}</td>
                    <td className="govuk-table__cell">{p.description}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrapper>
        </>
      ) : null}
    </>
  );
}
