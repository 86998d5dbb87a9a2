import { useState, type ChangeEvent, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../api';
import { Button, ErrorSummary } from '../components/form';
import { NotificationBanner, TableWrapper, usePageTitle } from '../components/ui';
import { formErrors, formErrorsFrom, hasErrors, noErrors, type FormErrors } from '../errors';
import { plural } from '../format';
import { useReference } from '../reference';
import { useSession } from '../session';
import type { ImportResult } from '../types';

/** A file to start from: every column, with two example rows (one with the optional columns empty). */
const TEMPLATE = [
  'staffNumber,name,vetting,region,capabilities,vettingExpiresOn,pipLevel,email,status',
  'ABC-0001,Jane Example,sc,north-west,cyber;digital-forensics,31/12/2028,2,jane.example@example.org,active',
  'ABC-0002,Sam Sample,nppv3,north-west,,,0,,active',
].join('\r\n');
const TEMPLATE_HREF = `data:text/csv;charset=utf-8,${encodeURIComponent(`${TEMPLATE}\r\n`)}`;

/** The API takes at most this much CSV (1 MB). */
const MAX_BYTES = 1_000_000;

/**
 * `/officers/import`: an HR lead imports their organisation's officer records
 * from a CSV export. Each row is created, updated or left as it is, on its
 * own: a row with an error is not written at all and the report says which
 * row and field, so fixing those rows and importing the same file again
 * finishes the job (the rows already in show as unchanged).
 */
export function OfficersImport() {
  const { session } = useSession();
  const { orgName } = useReference();
  const [file, setFile] = useState<File>();
  const [result, setResult] = useState<{ name: string; report: ImportResult }>();
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  usePageTitle('Import officer records', hasErrors(errors));
  const fieldError = errors.fields.file;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const check = formErrors([
      !file && ['file', 'Select a CSV file'],
      !!file && !/\.csv$/i.test(file.name) && file.type !== 'text/csv' && ['file', 'The selected file must be a CSV'],
      !!file && file.size > MAX_BYTES && ['file', 'The selected file must be smaller than 1 MB'],
      !!file && file.size === 0 && ['file', 'The selected file is empty'],
    ]);
    setErrors(check);
    if (hasErrors(check) || !file) return;
    setBusy(true);
    setResult(undefined);
    try {
      const text = await file.text();
      const report = await api.call('POST /v1/officers/import', { body: text }, { contentType: 'text/csv' });
      setResult({ name: file.name, report });
    } catch (err) {
      setErrors(formErrorsFrom(err, { body: 'The file' }));
    } finally {
      setBusy(false);
    }
  };

  const r = result?.report;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        {r ? (
          <NotificationBanner success={r.errors.length === 0} title={r.errors.length === 0 ? 'Success' : 'Imported with errors'}>
            <p className="govuk-notification-banner__heading" data-testid="import-summary">
              {result!.name}: {plural(r.created, 'officer')} created, {r.updated} updated, {r.unchanged} unchanged
              {r.errors.length ? `; ${plural(r.errors.length, 'problem')} in the rows below` : ''}.
            </p>
          </NotificationBanner>
        ) : null}
        <span className="govuk-caption-l">{session ? orgName(session.claims.org) : ''}</span>
        <h1 className="govuk-heading-l">Import officer records</h1>
        <p className="govuk-body">
          Upload a CSV export of your officers. A row with a staff number already here updates that officer; a new staff number creates one.
        </p>
        <p className="govuk-body">
          The first row names the columns. <strong>staffNumber</strong>, <strong>name</strong>, <strong>vetting</strong> and <strong>region</strong> are
          needed; <strong>capabilities</strong> (separated by semicolons), <strong>vettingExpiresOn</strong>, <strong>pipLevel</strong>,{' '}
          <strong>email</strong> and <strong>status</strong> are optional. An empty cell clears that field.
        </p>
        <ul className="govuk-list govuk-list--bullet">
          <li>
            <strong>vetting</strong> is one of NPPV2, NPPV3, SC or DV, and <strong>region</strong> a region id such as north-west
          </li>
          <li>
            <strong>vettingExpiresOn</strong> is a date written 31/12/2028 (or 2028-12-31)
          </li>
          <li>
            <strong>pipLevel</strong> is 0 (none) to 4, and <strong>status</strong> active or left
          </li>
        </ul>
        <p className="govuk-body">
          <a className="govuk-link" href={TEMPLATE_HREF} download="officer-records-template.csv" data-testid="template-link">
            Download a template CSV file
          </a>{' '}
          with every column and two example rows.
        </p>
        <div className="govuk-inset-text">
          Nothing is half-written: each row is saved whole or not at all. Rows with an error are left out and listed, so you can fix them and import
          the same file again; rows already imported then show as unchanged.
        </div>
        <form onSubmit={submit} noValidate data-testid="import-form">
          <div className={`govuk-form-group${fieldError ? ' govuk-form-group--error' : ''}`}>
            <label className="govuk-label govuk-label--s" htmlFor="file">
              CSV file
            </label>
            <div id="file-hint" className="govuk-hint">
              At most 1 MB
            </div>
            {fieldError ? (
              <p id="file-error" className="govuk-error-message">
                <span className="govuk-visually-hidden">Error:</span> {fieldError}
              </p>
            ) : null}
            <input
              className={`govuk-file-upload${fieldError ? ' govuk-file-upload--error' : ''}`}
              id="file"
              name="file"
              type="file"
              accept=".csv,text/csv"
              aria-describedby={`file-hint${fieldError ? ' file-error' : ''}`}
              onChange={(e: ChangeEvent<HTMLInputElement>) => setFile(e.target.files?.[0])}
            />
          </div>
          <Button busy={busy}>{busy ? 'Importing…' : 'Import'}</Button>
        </form>
        {r && r.officers.length > 0 ? (
          <>
            <h2 className="govuk-heading-m">Officers created and changed</h2>
            <p className="govuk-body">
              <Link className="govuk-link" to="/officers">
                See all your officer records
              </Link>
            </p>
            <TableWrapper label="Officers created and changed">
              <table className="govuk-table" data-testid="imported-officers">
                <caption className="govuk-table__caption govuk-visually-hidden">Officers {result!.name} created or changed</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header govuk-table__header--numeric">Row</th>
                    <th scope="col" className="govuk-table__header">Officer</th>
                    <th scope="col" className="govuk-table__header">Staff number</th>
                    <th scope="col" className="govuk-table__header">What happened</th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {r.officers.map((o) => (
                    <tr className="govuk-table__row" key={o.id} data-row={o.row}>
                      <td className="govuk-table__cell govuk-table__cell--numeric">{o.row}</td>
                      <td className="govuk-table__cell">
                        <Link className="govuk-link" to={`/officers/${o.id}`}>
                          {o.name}
                        </Link>
                      </td>
                      <td className="govuk-table__cell">{o.staffNumber}</td>
                      <td className="govuk-table__cell">{o.outcome === 'created' ? 'Created' : 'Changed'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrapper>
          </>
        ) : null}
        {r && r.errors.length > 0 ? (
          <>
            <h2 className="govuk-heading-m">Rows not imported</h2>
            <p className="govuk-body">Row numbers count the header as row 1, as a spreadsheet shows them.</p>
            <TableWrapper label="Rows not imported">
              <table className="govuk-table" data-testid="import-errors">
                <caption className="govuk-table__caption govuk-visually-hidden">Problems with rows of {result!.name}</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header govuk-table__header--numeric">Row</th>
                    <th scope="col" className="govuk-table__header">Column</th>
                    <th scope="col" className="govuk-table__header">Problem</th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {r.errors.map((e, i) => (
                    <tr className="govuk-table__row" key={i} data-row={e.row}>
                      <td className="govuk-table__cell govuk-table__cell--numeric">{e.row}</td>
                      <td className="govuk-table__cell">{e.field || 'The whole row'}</td>
                      <td className="govuk-table__cell">{e.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrapper>
          </>
        ) : null}
      </div>
    </div>
  );
}
