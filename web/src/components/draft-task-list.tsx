import { Link } from 'react-router-dom';
import { CAMPAIGN_SECTIONS, sectionOf, type CampaignSection } from './campaign-form';

/** The fields each section needs before the campaign can be published (the API's `missingForPublish` paths). */
const NEEDED: Record<CampaignSection, readonly string[]> = {
  what: ['regions'],
  posts: ['posts', 'roleProfile.vetting'],
  dates: ['opensOn', 'closesOn'],
  role: ['roleProfile.grade', 'roleProfile.salaryBand', 'roleProfile.locations', 'roleProfile.jobDescription', 'roleProfile.terms'],
};

type Status = 'completed' | 'incomplete' | 'not-started';

/** A section is completed when nothing it needs is missing; not started when all of it is (the title and capability count as a start). */
function statusOf(section: CampaignSection, missing: readonly string[]): Status {
  const gaps = NEEDED[section].filter((f) => missing.includes(f));
  if (gaps.length === 0) return 'completed';
  return gaps.length === NEEDED[section].length && section !== 'what' ? 'not-started' : 'incomplete';
}

function StatusText({ status, id }: { status: Status; id: string }) {
  if (status === 'completed') return <div className="govuk-task-list__status" id={id}>Completed</div>;
  if (status === 'incomplete') {
    return (
      <div className="govuk-task-list__status" id={id}>
        <strong className="govuk-tag govuk-tag--light-blue">Incomplete</strong>
      </div>
    );
  }
  return (
    <div className="govuk-task-list__status" id={id}>
      <strong className="govuk-tag govuk-tag--blue">Not yet started</strong>
    </div>
  );
}

/**
 * A draft as a GOV.UK task list: one task per section of the form, each
 * opening that section alone, with what it still needs; the last task,
 * publishing, can start once every section is complete.
 */
export function DraftTaskList({ campaignId, missing }: { campaignId: string; missing: readonly { field: string; message: string }[] }) {
  const fields = missing.map((m) => m.field);
  const sections = Object.keys(CAMPAIGN_SECTIONS) as CampaignSection[];
  const done = sections.filter((s) => statusOf(s, fields) === 'completed').length;
  return (
    <section aria-labelledby="draft-tasks-heading" data-testid="draft-tasks">
      <h2 className="govuk-heading-m" id="draft-tasks-heading">
        Finish the draft
      </h2>
      <p className="govuk-body" data-testid="draft-progress">
        You have completed {done} of {sections.length} sections.
      </p>
      <ul className="govuk-task-list">
        {sections.map((s) => {
          const status = statusOf(s, fields);
          const gaps = missing.filter((m) => sectionOf(m.field) === s);
          return (
            <li className="govuk-task-list__item govuk-task-list__item--with-link" key={s} data-section={s}>
              <div className="govuk-task-list__name-and-hint">
                <Link
                  className="govuk-link govuk-task-list__link"
                  to={`/campaigns/${campaignId}/edit?section=${s}`}
                  aria-describedby={`task-${s}-status${gaps.length ? ` task-${s}-hint` : ''}`}
                >
                  {CAMPAIGN_SECTIONS[s]}
                </Link>
                {gaps.length ? (
                  <div className="govuk-task-list__hint" id={`task-${s}-hint`}>
                    {gaps.map((g) => g.message).join('; ')}
                  </div>
                ) : null}
              </div>
              <StatusText status={status} id={`task-${s}-status`} />
            </li>
          );
        })}
        {missing.length === 0 ? (
          <li className="govuk-task-list__item govuk-task-list__item--with-link" data-section="publish">
            <div className="govuk-task-list__name-and-hint">
              <Link className="govuk-link govuk-task-list__link" to={`/campaigns/${campaignId}/publish`} aria-describedby="task-publish-status">
                Check and publish
              </Link>
            </div>
            <div className="govuk-task-list__status" id="task-publish-status">
              <strong className="govuk-tag govuk-tag--blue">Not yet started</strong>
            </div>
          </li>
        ) : (
          <li className="govuk-task-list__item" data-section="publish">
            <div className="govuk-task-list__name-and-hint">
              <div>Check and publish</div>
            </div>
            <div className="govuk-task-list__status govuk-task-list__status--cannot-start-yet">Cannot start yet</div>
          </li>
        )}
      </ul>
    </section>
  );
}
