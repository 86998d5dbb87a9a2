import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { api } from '../api';
import { Button, DateInput, ErrorSummary, Select, Textarea, TextInput, isBlankDate, isoFromParts, type DateParts } from '../components/form';
import { BackLink, LoadError, Loading, NotificationBanner, SummaryList, TableWrapper, Tag, usePageTitle } from '../components/ui';
import { formErrors, formErrorsFrom, hasErrors, noErrors, type FormErrors } from '../errors';
import { REGION_NAMES, formatDate, formatDateTime, plural } from '../format';
import { useApi, useIdempotencyKey } from '../hooks';
import { NoMoreItems, Pagination, usePagedList } from '../components/pagination';
import { useReference } from '../reference';
import { useSession } from '../session';
import type { RouteBody } from '../routes';
import type { CourseBooking } from '../types';
import './reports.css';

const BOOKING_STATUS: Record<CourseBooking['status'], { text: string; tag: string }> = {
  booked: { text: 'Booked', tag: 'govuk-tag--green' },
  waitlisted: { text: 'Wait list', tag: 'govuk-tag--yellow' },
  cancelled: { text: 'Cancelled', tag: 'govuk-tag--grey' },
};

function BookingTag({ status }: { status: CourseBooking['status'] }) {
  const s = BOOKING_STATUS[status];
  return <Tag text={s.text} className={s.tag} />;
}

const dates = (c: { startDate: string; endDate: string }) =>
  c.startDate === c.endDate ? formatDate(c.startDate) : `${formatDate(c.startDate)} to ${formatDate(c.endDate)}`;

/** `/courses`: upcoming joint training courses, with the places an officer of your organisation could book now. */
export function Courses() {
  usePageTitle('Training courses');
  const { hasRole } = useSession();
  const { orgName } = useReference();
  const location = useLocation();
  const banner = (location.state as { banner?: string } | null)?.banner;
  const paged = usePagedList('GET /v1/courses');
  const list = paged.list;
  const courses = list.data?.items ?? [];
  return (
    <>
      {banner ? (
        <NotificationBanner success>
          <p className="govuk-notification-banner__heading">{banner}</p>
        </NotificationBanner>
      ) : null}
      <h1 className="govuk-heading-l">Training courses</h1>
      <p className="govuk-body">
        Joint courses run by the NCA and the ROCUs. Each organisation has its own seats; unused seats open to everyone shortly before the course.
      </p>
      {hasRole('officer') ? (
        <p className="govuk-body">
          <Link className="govuk-link" to="/course-bookings">
            Your course bookings
          </Link>
        </p>
      ) : null}
      {hasRole('hr-lead') ? (
        <Link to="/courses/new" className="govuk-button" data-module="govuk-button">
          Create a course
        </Link>
      ) : null}
      {list.loading && !list.data ? <Loading what="Loading courses" /> : null}
      {list.error ? <LoadError error={list.error} /> : null}
      {list.data && courses.length === 0 && !paged.previous ? (
        <p className="govuk-body" data-testid="empty-state">
          There are no upcoming courses.
        </p>
      ) : null}
      {courses.length > 0 ? (
        <TableWrapper label="Training courses">
          <table className="govuk-table" data-testid="courses-table">
            <caption className="govuk-table__caption govuk-visually-hidden">Upcoming training courses</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Course</th>
                <th scope="col" className="govuk-table__header">Dates</th>
                <th scope="col" className="govuk-table__header">Run by</th>
                <th scope="col" className="govuk-table__header">Where</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Places for you</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {courses.map((c) => (
                <tr className="govuk-table__row" key={c.id} data-course={c.id}>
                  <th scope="row" className="govuk-table__header">
                    <Link className="govuk-link" to={`/courses/${c.id}`}>
                      {c.title}
                    </Link>
                  </th>
                  <td className="govuk-table__cell">{dates(c)}</td>
                  <td className="govuk-table__cell">{orgName(c.hostOrgId)}</td>
                  <td className="govuk-table__cell">
                    {c.location}, {REGION_NAMES[c.region] ?? c.region}
                  </td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{c.bookingOpen ? c.placesLeftForYou : 'Closed'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrapper>
      ) : null}
      <NoMoreItems paged={paged} what="courses" />
      <Pagination paged={paged} label="Courses pages" />
    </>
  );
}

/** `/courses/:id`: the course, its seats per organisation, and (for an officer) booking or the wait list. */
export function CoursePage() {
  const { id = '' } = useParams();
  const { hasRole } = useSession();
  const { orgName, capabilityName } = useReference();
  const navigate = useNavigate();
  const course = useApi('GET /v1/courses/{id}', { params: { id } });
  const [idempotencyKey] = useIdempotencyKey();
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const c = course.data;
  usePageTitle(c ? c.title : 'Training course', hasErrors(errors));

  const book = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const booking = await api.call('POST /v1/courses/{id}/bookings', { params: { id }, body: {} }, { idempotencyKey });
      const banner =
        booking.status === 'booked'
          ? `You have a place on ${booking.courseTitle}.`
          : `${booking.courseTitle} is full: you are number ${booking.position ?? ''} on the wait list.`;
      navigate('/course-bookings', { state: { banner } });
    } catch (err) {
      setErrors(formErrorsFrom(err));
      setBusy(false);
      await course.reload();
    }
  };

  if (course.loading && !c) return <Loading what="Loading the course" />;
  if (course.error || !c) return <LoadError error={course.error} />;
  const full = c.placesLeftForYou <= 0;
  return (
    <>
      <BackLink to="/courses">All courses</BackLink>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{orgName(c.hostOrgId)}</span>
      <h1 className="govuk-heading-l">{c.title}</h1>
      {c.description ? <p className="govuk-body">{c.description}</p> : null}
      <SummaryList
        rows={[
          { key: 'Dates', value: dates(c) },
          { key: 'Where', value: `${c.location}, ${REGION_NAMES[c.region] ?? c.region}` },
          c.capabilityId ? { key: 'Capability', value: capabilityName(c.capabilityId) } : null,
          { key: 'Bookings close', value: formatDate(c.bookingClosesOn) },
          {
            key: 'Unused seats open to everyone',
            value: c.seatsReleased ? `Since ${formatDate(c.releaseOn)}` : `From ${formatDate(c.releaseOn)}`,
          },
          { key: 'Places', value: `${plural(c.totalBooked, 'place')} booked of ${c.totalSeats}; ${c.placesLeft} left` },
          { key: 'Places for your organisation', value: String(c.placesLeftForYou) },
          { key: 'Wait list', value: c.waitListLength === 0 ? 'No one waiting' : plural(c.waitListLength, 'person', 'people') },
        ]}
      />
      <h2 className="govuk-heading-m">Seats per organisation</h2>
      <TableWrapper label="Seats per organisation">
        <table className="govuk-table" data-testid="allocations-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Seats per organisation on {c.title}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Organisation</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Seats</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Booked</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {c.allocations.map((a) => (
              <tr className="govuk-table__row" key={a.orgId} data-org={a.orgId}>
                <th scope="row" className="govuk-table__header">
                  {orgName(a.orgId)}
                </th>
                <td className="govuk-table__cell govuk-table__cell--numeric">{a.seats}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{a.booked}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrapper>
      {hasRole('officer') ? (
        c.bookingOpen ? (
          <form onSubmit={book} noValidate>
            <p className="govuk-body">
              {full ? 'There are no places for your organisation now. You can join the wait list: a cancelled place goes to the next person on it.' : 'Your line manager should agree before you book.'}
            </p>
            <Button busy={busy}>{full ? 'Join the wait list' : 'Book a place'}</Button>
          </form>
        ) : (
          <p className="govuk-body" data-testid="booking-closed">
            Bookings for this course have closed.
          </p>
        )
      ) : null}
    </>
  );
}

/** `/course-bookings`: the officer's own bookings and wait-list places, with cancelling. */
export function MyCourseBookings() {
  usePageTitle('Your course bookings');
  const location = useLocation();
  const banner = (location.state as { banner?: string } | null)?.banner;
  const paged = usePagedList('GET /v1/me/course-bookings');
  const list = paged.list;
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [cancelled, setCancelled] = useState<string | undefined>();
  const [busy, setBusy] = useState<string | undefined>();
  const bookings = list.data?.items ?? [];

  const cancel = async (b: CourseBooking) => {
    setBusy(b.id);
    setErrors(noErrors);
    try {
      await api.call('POST /v1/course-bookings/{id}/cancel', { params: { id: b.id }, body: {} });
      setCancelled(`Your ${b.status === 'booked' ? 'place' : 'wait-list place'} on ${b.courseTitle} is cancelled.`);
      await list.reload();
    } catch (err) {
      setErrors(formErrorsFrom(err));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <>
      {cancelled ?? banner ? (
        <NotificationBanner success>
          <p className="govuk-notification-banner__heading">{cancelled ?? banner}</p>
        </NotificationBanner>
      ) : null}
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Your course bookings</h1>
      <p className="govuk-body">
        <Link className="govuk-link" to="/courses">
          Find a course
        </Link>
      </p>
      {list.loading && !list.data ? <Loading what="Loading your bookings" /> : null}
      {list.error ? <LoadError error={list.error} /> : null}
      {list.data && bookings.length === 0 && !paged.previous ? (
        <p className="govuk-body" data-testid="empty-state">
          You have not booked any courses.
        </p>
      ) : null}
      {bookings.length > 0 ? (
        <TableWrapper label="Your course bookings">
          <table className="govuk-table" data-testid="bookings-table">
            <caption className="govuk-table__caption govuk-visually-hidden">Your course bookings</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Course</th>
                <th scope="col" className="govuk-table__header">Dates</th>
                <th scope="col" className="govuk-table__header">Status</th>
                <th scope="col" className="govuk-table__header">Since</th>
                <th scope="col" className="govuk-table__header">
                  <span className="govuk-visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {bookings.map((b) => (
                <tr className="govuk-table__row" key={b.id} data-booking={b.id}>
                  <th scope="row" className="govuk-table__header">
                    <Link className="govuk-link" to={`/courses/${b.courseId}`}>
                      {b.courseTitle}
                    </Link>
                  </th>
                  <td className="govuk-table__cell">{dates(b)}</td>
                  <td className="govuk-table__cell">
                    <BookingTag status={b.status} />
                    {b.status === 'waitlisted' && b.position ? <span className="govuk-body-s"> number {b.position}</span> : null}
                  </td>
                  <td className="govuk-table__cell">{formatDateTime(b.bookedAt ?? b.waitlistedAt)}</td>
                  <td className="govuk-table__cell">
                    {b.status !== 'cancelled' ? (
                      <button
                        type="button"
                        className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                        disabled={busy === b.id}
                        onClick={() => void cancel(b)}
                      >
                        Cancel<span className="govuk-visually-hidden"> {b.courseTitle}</span>
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrapper>
      ) : null}
      <NoMoreItems paged={paged} what="bookings" />
      <Pagination paged={paged} label="Pages of your bookings" />
    </>
  );
}

const EMPTY_DATE: DateParts = { day: '', month: '', year: '' };
const LABELS: Record<string, string> = {
  title: 'Course title',
  description: 'Description',
  location: 'Where',
  region: 'Region',
  startDate: 'Start date',
  endDate: 'End date',
  allocations: 'Seats',
  capabilityId: 'Capability',
};

/** `/courses/new`: an HR lead creates a course their organisation runs, with seats for each organisation. */
export function CourseNew() {
  const { session } = useSession();
  const { organisations, capabilities, orgName } = useReference();
  const navigate = useNavigate();
  const org = session!.claims.org;
  const [idempotencyKey] = useIdempotencyKey();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [capabilityId, setCapabilityId] = useState('');
  const [location, setLocation] = useState('');
  const [region, setRegion] = useState('');
  const [start, setStart] = useState<DateParts>(EMPTY_DATE);
  const [end, setEnd] = useState<DateParts>(EMPTY_DATE);
  // The organisations taking part, in the order they were added (the host first), each with its seats as typed.
  const [participants, setParticipants] = useState<string[]>([org]);
  const [seats, setSeats] = useState<Record<string, string>>({});
  const [adding, setAdding] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  usePageTitle('Create a course', hasErrors(errors));
  // The NCA and the ROCUs first, then the forces: the ones a course most often shares seats with.
  const typeOrder = (type: string) => (type === 'agency' ? 0 : type === 'rocu' ? 1 : 2);
  const addable = organisations
    .filter((o) => !participants.includes(o.id))
    .sort((a, b) => typeOrder(a.type) - typeOrder(b.type) || a.name.localeCompare(b.name));
  const add = () => {
    if (!adding) {
      setErrors(formErrors([['add-organisation', 'Select an organisation to add']]));
      return;
    }
    setParticipants((p) => [...p, adding]);
    setAdding('');
    setErrors(noErrors);
    // The new organisation's seats are what the person types next.
    requestAnimationFrame(() => document.getElementById(`seats-${adding}`)?.focus());
  };
  const remove = (orgId: string) => {
    setParticipants((p) => p.filter((id) => id !== orgId));
    setSeats(({ [orgId]: _gone, ...rest }) => rest);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const startDate = isoFromParts(start);
    const endDate = isoFromParts(end);
    const allocations = participants.map((orgId) => ({ orgId, seats: Number((seats[orgId] ?? '').trim() || Number.NaN) }));
    const badSeats = allocations.find((a) => !Number.isInteger(a.seats) || a.seats < 1 || a.seats > 200);
    const check = formErrors([
      !title.trim() && ['title', 'Enter the course title'],
      !location.trim() && ['location', 'Enter where the course runs'],
      !region && ['region', 'Select the region'],
      (isBlankDate(start) && ['startDate', 'Enter the start date']) || (!startDate && ['startDate', 'Start date must be a real date']),
      (isBlankDate(end) && ['endDate', 'Enter the end date']) || (!endDate && ['endDate', 'End date must be a real date']),
      !!startDate && !!endDate && endDate < startDate && ['endDate', 'End date must be on or after the start date'],
      allocations.length === 0 && ['add-organisation', 'Add at least one organisation with seats'],
      !!badSeats && [`seats-${badSeats.orgId}`, `Seats for ${orgName(badSeats.orgId)} must be a whole number from 1 to 200`],
    ]);
    setErrors(check);
    if (hasErrors(check)) return;
    setBusy(true);
    try {
      const created = await api.call(
        'POST /v1/courses',
        {
          // The checks above make the dates defined and the region one the route accepts.
          body: {
            title: title.trim(),
            ...(description.trim() ? { description: description.trim() } : {}),
            ...(capabilityId ? { capabilityId } : {}),
            hostOrgId: org,
            location: location.trim(),
            region: region as RouteBody<'POST /v1/courses'>['region'],
            startDate: startDate!,
            endDate: endDate!,
            allocations,
          },
        },
        { idempotencyKey },
      );
      navigate(`/courses/${created.id}`, { replace: true });
    } catch (err) {
      setErrors(formErrorsFrom(err, LABELS));
      setBusy(false);
    }
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/courses">All courses</BackLink>
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{orgName(org)}</span>
        <h1 className="govuk-heading-l">Create a course</h1>
        <form onSubmit={submit} noValidate>
          <TextInput id="title" label="Course title" value={title} onChange={setTitle} error={errors.fields.title} />
          <Textarea id="description" label="Description (optional)" value={description} onChange={setDescription} error={errors.fields.description} />
          <Select
            id="capabilityId"
            label="Capability it trains for (optional)"
            value={capabilityId}
            onChange={setCapabilityId}
            error={errors.fields.capabilityId}
            options={[{ value: '', text: 'None' }, ...capabilities.map((c) => ({ value: c.id, text: c.name }))]}
          />
          <TextInput id="location" label="Where" hint="For example, Warrington training centre" value={location} onChange={setLocation} error={errors.fields.location} />
          <Select
            id="region"
            label="Region"
            value={region}
            onChange={setRegion}
            error={errors.fields.region}
            options={[{ value: '', text: 'Select a region' }, ...Object.entries(REGION_NAMES).map(([value, text]) => ({ value, text }))]}
          />
          <DateInput id="startDate" legend="Start date" hint="For example, 27 3 2027" value={start} onChange={setStart} error={errors.fields.startDate} />
          <DateInput id="endDate" legend="End date" hint="The last day of the course" value={end} onChange={setEnd} error={errors.fields.endDate} />
          <div className={`govuk-form-group${errors.fields.allocations ? ' govuk-form-group--error' : ''}`} data-testid="course-seats">
            <fieldset className="govuk-fieldset" aria-describedby={`allocations-hint${errors.fields.allocations ? ' allocations-error' : ''}`}>
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
                <h2 className="govuk-fieldset__heading">Organisations and their seats</h2>
              </legend>
              <div id="allocations-hint" className="govuk-hint">
                Add each organisation taking part, then give it its seats. Officers of organisations not added can still book seats left unused once they
                open to everyone.
              </div>
              {errors.fields.allocations ? (
                <p id="allocations-error" className="govuk-error-message">
                  <span className="govuk-visually-hidden">Error:</span> {errors.fields.allocations}
                </p>
              ) : null}
              {participants.length === 0 ? <p className="govuk-body">No organisations added yet.</p> : null}
              {participants.map((orgId) => (
                <div key={orgId} className="app-seats-row">
                  <TextInput
                    id={`seats-${orgId}`}
                    label={`Seats for ${orgName(orgId)}`}
                    inputMode="numeric"
                    width={3}
                    value={seats[orgId] ?? ''}
                    onChange={(v) => setSeats((all) => ({ ...all, [orgId]: v }))}
                    error={errors.fields[`seats-${orgId}`]}
                  />
                  <button type="button" className="govuk-button govuk-button--secondary app-seats-row__remove" onClick={() => remove(orgId)}>
                    Remove<span className="govuk-visually-hidden"> {orgName(orgId)}</span>
                  </button>
                </div>
              ))}
            </fieldset>
          </div>
          <div className="app-filter">
            <Select
              id="add-organisation"
              label="Add an organisation"
              value={adding}
              onChange={setAdding}
              error={errors.fields['add-organisation']}
              options={[{ value: '', text: 'Select an organisation' }, ...addable.map((o) => ({ value: o.id, text: orgName(o.id) }))]}
            />
            <button type="button" className="govuk-button govuk-button--secondary" onClick={add}>
              Add organisation
            </button>
          </div>
          <Button busy={busy}>Create the course</Button>
        </form>
      </div>
    </div>
  );
}
