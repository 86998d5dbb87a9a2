import { ApiError } from '../api';
import { ROLE_NAMES, formatDate, formatDateTime } from '../format';
import { useReference } from '../reference';
import type { RouteResponse } from '../routes';
import { Pagination, usePagedList } from './pagination';
import { LoadError, Loading } from './ui';

type AuditEntry = RouteResponse<'GET /v1/audit'>['items'][number];
type Actor = AuditEntry['actor'];

/**
 * Who acted, as a person reads it: "Helen Marshall, HR lead, NCA". An entry
 * written before names were recorded says the role and organisation ("an HR
 * lead of NCA"); the scheduled jobs are "the service".
 */
export function actorText(actor: Actor, orgName: (id: string) => string): string {
  if (actor.sub === 'system' || actor.roles.length === 0) return 'the service';
  const roles = actor.roles.map((r) => ROLE_NAMES[r] ?? r);
  if (actor.name) return `${actor.name}, ${roles.join(', ')}, ${orgName(actor.org)}`;
  return `${ROLE_AS_NOUN[actor.roles[0]!] ?? 'a user'} of ${orgName(actor.org)}`;
}

/** A role in the middle of a sentence, for entries that name no person. */
const ROLE_AS_NOUN: Record<string, string> = {
  officer: 'an officer',
  'hr-lead': 'an HR lead',
  'rocu-head': 'the ROCU head',
  rocc: 'the regional organised crime co-ordinator',
  admin: 'an administrator',
};

/** `campaign.published` → "Published"; `officer.moved-home` → "Moved home". */
function actionText(action: string): string {
  const words: Record<string, string> = {
    'campaign.created': 'Campaign drafted',
    'campaign.updated': 'Campaign changed',
    'application.submitted': 'Applied',
    'officer.created': 'Record created',
    'officer.updated': 'Record changed',
    'contact.updated': 'Addresses changed',
  };
  if (words[action]) return words[action];
  const what = action.slice(action.indexOf('.') + 1).replace(/-/g, ' ');
  return what.charAt(0).toUpperCase() + what.slice(1);
}

const FIELD_TEXT: Record<string, string> = {
  capabilities: 'capabilities',
  vetting: 'vetting',
  vettingExpiresOn: 'vetting expiry',
  pipLevel: 'PIP level',
  status: 'status',
  maxAppointmentsPerSource: 'per-ROCU cap',
  posts: 'posts',
  startDate: 'start date',
  emails: 'addresses',
};

/** What changed, briefly: "vetting: dv; vetting expiry: 30 September 2030". Only the fields a person recognises. */
function changesText(changes: Record<string, unknown> | undefined): string {
  if (!changes) return '';
  const parts: string[] = [];
  for (const [field, value] of Object.entries(changes)) {
    const label = FIELD_TEXT[field];
    if (!label || value === undefined) continue;
    const shown = Array.isArray(value)
      ? value.join(', ') || 'none'
      : typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
        ? formatDate(value)
        : value === null
          ? 'none'
          : String(value);
    parts.push(`${label}: ${shown}`);
  }
  return parts.join('; ');
}

/**
 * The audit trail of one record (`campaign:cmp_…`, `application:app_…`,
 * `officer:off_…`), oldest first, a page at a time: what happened, when, by
 * whom in which role, and their note. Nobody can edit or delete it. Shows
 * what the caller's organisation (or a ROCC's regions) may see.
 */
export function AuditTrail({ entity, heading = 'History' }: { entity: string; heading?: string }) {
  const { orgName } = useReference();
  const paged = usePagedList('GET /v1/audit', { query: { entity } }, { param: 'history' });
  const { data, error, loading } = paged.list;
  const none = error instanceof ApiError && error.status === 404;
  return (
    <section aria-labelledby="audit-heading" data-testid="audit-trail">
      <h2 className="govuk-heading-m" id="audit-heading">
        {heading}
      </h2>
      {loading && !data ? <Loading what="Loading the history" /> : null}
      {none ? <p className="govuk-body">There is no history you can see yet.</p> : error ? <LoadError error={error} /> : null}
      {data && data.items.length > 0 ? (
        <ol className="govuk-list app-history">
          {data.items.map((h) => {
            const changes = changesText(h.changes);
            return (
              <li key={h.id} className="app-history__item" data-action={h.action}>
                <p className="govuk-body govuk-!-margin-bottom-1">
                  <strong>{actionText(h.action)}</strong>
                  {changes ? <span className="govuk-body-s">: {changes}</span> : null}
                </p>
                <p className="govuk-body-s govuk-!-margin-bottom-1">
                  {formatDateTime(h.at)} by {actorText(h.actor, orgName)}
                </p>
                {h.note ? <p className="govuk-body-s govuk-!-margin-bottom-0">“{h.note}”</p> : null}
              </li>
            );
          })}
        </ol>
      ) : null}
      <Pagination paged={paged} label="History pages" />
    </section>
  );
}
