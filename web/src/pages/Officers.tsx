import { useState, type FormEvent } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { Button, DateInput, ErrorSummary, Select, TextInput, datePartsFrom, isBlankDate, isoFromParts, type DateParts } from '../components/form';
import { NoMoreItems, Pagination, pageCaption, usePagedList } from '../components/pagination';
import { LoadError, Loading, NotificationBanner, TableWrapper, Tag, usePageTitle } from '../components/ui';
import { formErrors, hasErrors, noErrors, type FormErrors } from '../errors';
import { VETTING, formatDate, todayIso } from '../format';
import { useReference } from '../reference';
import { useSession } from '../session';
import type { Officer } from '../types';

const VETTING_SHORT: Record<string, string> = { nppv2: 'NPPV2', nppv3: 'NPPV3', sc: 'SC', dv: 'DV' };

/** Vetting in a table cell: the level, and when it runs out (flagged once it has, or will within 90 days). */
export function VettingCell({ officer }: { officer: Pick<Officer, 'vetting' | 'vettingExpiresOn'> }) {
  const today = todayIso();
  const soon = new Date(`${today}T00:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() + 90);
  const expires = officer.vettingExpiresOn;
  return (
    <>
      <abbr title={VETTING[officer.vetting] ?? officer.vetting}>{VETTING_SHORT[officer.vetting] ?? officer.vetting}</abbr>
      <br />
      <span className="govuk-body-s">
        {expires ? `Expires ${formatDate(expires)}` : 'No expiry recorded'}
        {expires && expires < today ? (
          <>
            {' '}
            <Tag text="Expired" className="govuk-tag--red" />
          </>
        ) : expires && expires <= soon.toISOString().slice(0, 10) ? (
          <>
            {' '}
            <Tag text="Expires soon" className="govuk-tag--yellow" />
          </>
        ) : null}
      </span>
    </>
  );
}

interface Filters {
  name: string;
  staffNumber: string;
  capabilityId: string;
  vettingExpiresBefore: string;
}

function filtersFrom(params: URLSearchParams): Filters {
  return {
    name: params.get('name') ?? '',
    staffNumber: params.get('staffNumber') ?? '',
    capabilityId: params.get('capabilityId') ?? '',
    vettingExpiresBefore: params.get('vettingExpiresBefore') ?? '',
  };
}

/**
 * `/officers`: an HR lead's officer records (a ROCU head's too, to read),
 * in name order, searched by name, staff number, capability and vetting
 * expiry (the filters are in the address, so a search is a link), a page at
 * a time. Each name opens the officer's record.
 */
export function Officers() {
  usePageTitle('Officer records');
  const { session, hasRole } = useSession();
  const { capabilities, capabilityName, orgName } = useReference();
  const location = useLocation();
  const banner = (location.state as { banner?: string } | null)?.banner;
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const [name, setName] = useState(filters.name);
  const [staffNumber, setStaffNumber] = useState(filters.staffNumber);
  const [capabilityId, setCapabilityId] = useState(filters.capabilityId);
  const [expiresBefore, setExpiresBefore] = useState<DateParts>(datePartsFrom(filters.vettingExpiresBefore));
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const paged = usePagedList('GET /v1/officers', {
    query: {
      name: filters.name || undefined,
      staffNumber: filters.staffNumber || undefined,
      capabilityId: filters.capabilityId || undefined,
      vettingExpiresBefore: filters.vettingExpiresBefore || undefined,
    },
  });
  const list = paged.list;
  const searched = Object.values(filters).some(Boolean);
  const org = session?.claims.org ?? '';

  const search = (event: FormEvent) => {
    event.preventDefault();
    const expiry = isBlankDate(expiresBefore) ? '' : isoFromParts(expiresBefore);
    const check = formErrors([
      expiry === undefined && ['vettingExpiresBefore', 'Vetting expiring before must be a real date'],
      !!staffNumber.trim() && !/^[A-Za-z0-9-]+$/.test(staffNumber.trim()) && ['staffNumber', 'Staff number must be letters, digits and hyphens only'],
    ]);
    setErrors(check);
    if (hasErrors(check)) return;
    const next = new URLSearchParams();
    if (name.trim()) next.set('name', name.trim());
    if (staffNumber.trim()) next.set('staffNumber', staffNumber.trim());
    if (capabilityId) next.set('capabilityId', capabilityId);
    if (expiry) next.set('vettingExpiresBefore', expiry);
    setParams(next);
  };
  const clear = () => {
    setName('');
    setStaffNumber('');
    setCapabilityId('');
    setExpiresBefore({ day: '', month: '', year: '' });
    setErrors(noErrors);
  };

  return (
    <>
      {banner ? (
        <NotificationBanner success>
          <p className="govuk-notification-banner__heading">{banner}</p>
        </NotificationBanner>
      ) : null}
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{orgName(org)}</span>
      <h1 className="govuk-heading-l">Officer records</h1>
      <p className="govuk-body">
        {orgName(org)}’s officers and staff, in name order: their capabilities, vetting and postings.
        {hasRole('hr-lead') ? ' Open a record to change it.' : ''}
      </p>
      {hasRole('hr-lead') ? (
        <p className="govuk-body">
          <Link className="govuk-link" to="/officers/import">
            Import officer records from a CSV file
          </Link>
        </p>
      ) : null}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third">
          <form onSubmit={search} noValidate className="app-filters" data-testid="officer-search" aria-label="Search officers" role="search">
            <h2 className="govuk-heading-s">Search</h2>
            <TextInput id="name" label="Name" hint="Any part of the name" value={name} onChange={setName} />
            <TextInput id="staffNumber" label="Staff number" value={staffNumber} onChange={setStaffNumber} width={10} error={errors.fields.staffNumber} spellCheck={false} />
            <Select
              id="capabilityId"
              label="Capability"
              value={capabilityId}
              onChange={setCapabilityId}
              options={[{ value: '', text: 'Any capability' }, ...capabilities.map((c) => ({ value: c.id, text: c.name }))]}
            />
            <DateInput
              id="vettingExpiresBefore"
              legend="Vetting expiring before"
              hint="For example, 31 12 2027"
              value={expiresBefore}
              onChange={setExpiresBefore}
              error={errors.fields.vettingExpiresBefore}
            />
            <div className="govuk-button-group">
              <Button secondary>Search</Button>
              {searched ? (
                <Link className="govuk-link" to="/officers" onClick={clear}>
                  Clear search
                </Link>
              ) : null}
            </div>
          </form>
        </div>
        <div className="govuk-grid-column-two-thirds">
          {list.loading && !list.data ? <Loading what="Loading officer records" /> : null}
          {list.error ? <LoadError error={list.error} /> : null}
          {list.data && list.data.items.length === 0 && !paged.previous ? (
            <p className="govuk-body" data-testid="empty-state">
              {searched ? 'No officers match this search.' : `${orgName(org)} has no officer records yet.`}
            </p>
          ) : null}
          {list.data && list.data.items.length > 0 ? (
            <TableWrapper label="Officers">
              <table className="govuk-table" data-testid="officers-table">
                <caption className="govuk-table__caption govuk-table__caption--s">
                  {searched ? 'Officers matching your search' : 'Officers'}
                  {pageCaption(paged)}
                </caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">Name</th>
                    <th scope="col" className="govuk-table__header">Staff number</th>
                    <th scope="col" className="govuk-table__header">Capabilities</th>
                    <th scope="col" className="govuk-table__header">Vetting</th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {list.data.items.map((o) => (
                    <tr className="govuk-table__row" key={o.id} data-officer={o.id}>
                      <td className="govuk-table__cell">
                        <Link className="govuk-link" to={`/officers/${o.id}`}>
                          {o.name}
                        </Link>
                        {o.status === 'left' ? (
                          <>
                            {' '}
                            <Tag text="Left" className="govuk-tag--grey" />
                          </>
                        ) : null}
                      </td>
                      <td className="govuk-table__cell app-nowrap">{o.staffNumber ?? 'None'}</td>
                      <td className="govuk-table__cell">{o.capabilities.length ? o.capabilities.map(capabilityName).join(', ') : 'None'}</td>
                      <td className="govuk-table__cell">
                        <VettingCell officer={o} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrapper>
          ) : null}
          <NoMoreItems paged={paged} what="officers" />
          <Pagination paged={paged} label="Officer record pages" />
        </div>
      </div>
    </>
  );
}
