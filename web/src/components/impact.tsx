import { useEffect, useState } from 'react';
import { api } from '../api';
import { LEVEL_ORDER, LEVEL_TEXT } from '../format';
import { useDebounced } from '../hooks';
import { useReference } from '../reference';
import type { RouteBody } from '../routes';
import type { ImpactAssessment, ImpactRow } from '../types';
import { againstMinimum } from './decision-facts';
import { LevelTag, Loading, TableWrapper } from './ui';

function byConcern(a: ImpactRow, b: ImpactRow, orgName: (id: string) => string, own: string): number {
  const la = LEVEL_ORDER.indexOf(a.level);
  const lb = LEVEL_ORDER.indexOf(b.level);
  if (la !== lb) return la - lb;
  const byOrg = orgName(a.orgId).localeCompare(orgName(b.orgId));
  if (byOrg !== 0) return byOrg;
  // Within a ROCU, the campaign's own capability first, then the teams it reaches through officers who hold both.
  return (a.capabilityId === own ? 0 : 1) - (b.capabilityId === own ? 0 : 1) || a.capabilityId.localeCompare(b.capabilityId);
}

/** One sentence per ROCU that would fall below (or near) its minimum; what a screen reader hears first. */
export function ImpactHeadline({ assessment }: { assessment: ImpactAssessment }) {
  const { orgName, capabilityName } = useReference();
  const concerns = assessment.rows.filter((r) => r.level !== 'ok').sort((a, b) => byConcern(a, b, orgName, assessment.capabilityId));
  const team = capabilityName(assessment.capabilityId).toLowerCase();
  const rocus = new Set(concerns.map((r) => r.orgId)).size;
  return (
    <div className={`app-impact-summary app-impact-summary--${assessment.worstLevel}`} data-testid="impact-headline">
      <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-2">
        Overall: <LevelTag level={assessment.worstLevel} />{' '}
        {assessment.worstLevel === 'ok'
          ? `no ROCU’s ${team} team would fall near its minimum.`
          : `${rocus === 1 ? '1 ROCU' : `${rocus} ROCUs`} would be affected.`}
      </p>
      {concerns.length ? (
        <ul className="govuk-list govuk-list--bullet govuk-!-margin-bottom-0">
          {concerns.map((r) => (
            <li key={`${r.orgId}:${r.capabilityId}`}>
              {orgName(r.orgId)}: {LEVEL_TEXT[r.level].text.toLowerCase()}. Its {capabilityName(r.capabilityId).toLowerCase()} team could fall from {r.projected} to{' '}
              {r.worstCase}
              {r.level === 'loss' ? '' : `, ${againstMinimum(r.worstCase, r.minimum)}`}
              {r.capabilityId === assessment.capabilityId ? '' : ` (${r.eligibleHolders} of its eligible ${team} officers are in it too)`}.
            </li>
          ))}
        </ul>
      ) : null}
      {assessment.worstLevel === 'critical' || assessment.worstLevel === 'loss' ? (
        <p className="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-0">
          Publishing will put the campaign in consultation: the affected ROCU heads are asked first. A per-source cap can avoid this.
        </p>
      ) : null}
    </div>
  );
}

/** A row per ROCU: its team now, what the campaign could take, the worst case and the level in words. */
export function ImpactTable({ assessment, caption }: { assessment: ImpactAssessment; caption?: string }) {
  const { orgName, capabilityName } = useReference();
  const rows = [...assessment.rows].sort((a, b) => byConcern(a, b, orgName, assessment.capabilityId));
  return (
    <TableWrapper label={caption ?? 'Impact on each ROCU'}>
      <table className="govuk-table" data-testid="impact-table">
        <caption className="govuk-table__caption govuk-table__caption--m">{caption ?? 'Impact on each ROCU'}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">ROCU</th>
            <th scope="col" className="govuk-table__header">Team</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Posts open to its officers</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Officers who could apply</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Already leaving</th>
            <th scope="col" className="govuk-table__header">If the campaign takes as many as it can</th>
            <th scope="col" className="govuk-table__header">Level</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {rows.map((r) => (
            <tr
              className={`govuk-table__row app-row--${r.level}`}
              key={`${r.orgId}:${r.capabilityId}`}
              data-org={r.orgId}
              data-capability={r.capabilityId}
              data-level={r.level}
            >
              <th scope="row" className="govuk-table__header">
                {orgName(r.orgId)}
              </th>
              <td className="govuk-table__cell">
                {capabilityName(r.capabilityId)}
                {r.capabilityId === assessment.capabilityId ? null : " (officers who hold both)"}
              </td>
              <td className="govuk-table__cell govuk-table__cell--numeric">
                {r.posts}
                {r.cap !== null ? <span className="govuk-body-s"> (at most {r.cap} offered, the cap)</span> : null}
              </td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{r.eligibleHolders}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{r.committedOut}</td>
              <td className="govuk-table__cell" data-testid="worst-case">
                {r.exposure === 0 ? `Stays at ${r.projected}` : `Could fall from ${r.projected} to ${r.worstCase}`}, {againstMinimum(r.worstCase, r.minimum)}
              </td>
              <td className="govuk-table__cell">
                <LevelTag level={r.level} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrapper>
  );
}

export interface PreviewInput {
  capabilityId: string;
  posts: string;
  cap: string;
  vetting: string;
  minPipLevel: string;
  ownerOrgId?: string;
}

type PreviewBody = RouteBody<'POST /v1/campaigns/impact-preview'>;

function previewBody(input: PreviewInput): PreviewBody | undefined {
  const posts = Number(input.posts);
  const cap = input.cap.trim() === '' ? null : Number(input.cap);
  if (!input.capabilityId || !input.vetting) return undefined;
  if (!Number.isInteger(posts) || posts < 1 || posts > 1000) return undefined;
  if (cap !== null && (!Number.isInteger(cap) || cap < 0)) return undefined;
  return {
    capabilityId: input.capabilityId,
    posts,
    maxAppointmentsPerSource: cap,
    roleProfile: { vetting: input.vetting as PreviewBody['roleProfile']['vetting'], minPipLevel: Number(input.minPipLevel || 0) },
    ...(input.ownerOrgId ? { ownerOrgId: input.ownerOrgId } : {}),
  };
}

/**
 * The live impact preview of a campaign being drafted or changed: asks the
 * API (`POST /v1/campaigns/impact-preview`) once typing pauses, and shows a
 * row per ROCU with the level in words.
 */
export function ImpactPreview({ input }: { input: PreviewInput }) {
  const body = previewBody(input);
  const key = body ? JSON.stringify(body) : '';
  const settled = useDebounced(key, 350);
  const [result, setResult] = useState<{ key: string; assessment?: ImpactAssessment; error?: string }>();
  useEffect(() => {
    if (!settled) return;
    const controller = new AbortController();
    api
      .call('POST /v1/campaigns/impact-preview', { body: JSON.parse(settled) as PreviewBody }, { signal: controller.signal })
      .then((assessment) => setResult({ key: settled, assessment }))
      .catch((err: Error) => {
        if (err.name !== 'AbortError') setResult({ key: settled, error: err.message });
      });
    return () => controller.abort();
  }, [settled]);
  const current = result && result.key === key ? result : undefined;
  return (
    <section className="govuk-!-margin-bottom-6" aria-labelledby="impact-preview-heading" data-testid="impact-preview">
      <h2 className="govuk-heading-m" id="impact-preview-heading">
        Impact on each ROCU
      </h2>
      <p className="govuk-body">
        What this campaign could do to each ROCU’s team if it recruited as many of their eligible officers as it can. It changes as you
        change the posts, the cap and the requirements.
      </p>
      <div aria-live="polite" aria-atomic="true">
        {!body ? (
          <p className="govuk-inset-text">Choose a capability and a vetting level, and enter the number of posts, to see the impact.</p>
        ) : !current ? (
          <Loading what="Working out the impact" />
        ) : current.error ? (
          <p className="govuk-inset-text">The impact could not be worked out: {current.error}</p>
        ) : current.assessment ? (
          <ImpactHeadline assessment={current.assessment} />
        ) : null}
      </div>
      {current?.assessment ? <ImpactTable assessment={current.assessment} caption="Worst case for each ROCU" /> : null}
    </section>
  );
}
