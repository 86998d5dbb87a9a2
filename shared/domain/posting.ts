import type { OfficerCommitment } from './commitments';

/**
 * Where an officer serves (BRIEF.md "Capability protection"): most ROCU staff
 * are force officers posted into the ROCU for a fixed term. Their home (the
 * employer) stays the force; they serve, and count in every team of the
 * capabilities they hold, in the unit they are posted to until the posting's
 * end date. Without a posting an officer serves at home. Pure functions.
 *
 * Dates mean the day something happens: on `servingUntil` the officer is back
 * in their home's teams, on `leavingOn` they have left (the officer job makes
 * both true on that date), as on a move's start date the move job moves them.
 */
export interface Posting {
  homeOrgId: string;
  servingOrgId?: string | null;
  servingUntil?: string | null;
}

/** The unit whose teams an officer counts in: the one they are posted to, or home. */
export function servingOrgOf(officer: Posting): string {
  return officer.servingOrgId ?? officer.homeOrgId;
}

export function isPosted(officer: Posting): boolean {
  return !!officer.servingOrgId && officer.servingOrgId !== officer.homeOrgId;
}

/** The fields of an officer's posting and leaving date as a request gives them. */
export interface PostingFields {
  homeOrgId: string;
  servingOrgId: string | null;
  servingUntil: string | null;
  leavingOn: string | null;
}

export interface PostingRefusal {
  status: 400 | 403 | 409;
  field: string;
  message: string;
}

/**
 * Who may record a posting: the HR lead of the unit the officer serves in
 * keeps the record (naming the home force). A home organisation cannot post
 * its officer into another unit's headcount on its own: that would add to
 * another unit's strength without its say. `keeperOrgId` is the caller's
 * organisation; `today` bounds the dates (a posting that has already ended,
 * or a leaving date already past, is not a posting or a leaving date).
 */
export function postingRefusal(fields: PostingFields, keeperOrgId: string, today: string): PostingRefusal | undefined {
  const serving = fields.servingOrgId;
  if (serving !== null && serving !== fields.homeOrgId) {
    if (serving !== keeperOrgId) {
      return {
        status: 403,
        field: 'servingOrgId',
        message: `A posting into ${serving} is recorded by ${serving}’s HR lead, who keeps the records of the officers serving there; ${keeperOrgId} cannot post an officer into another unit.`,
      };
    }
    if (fields.servingUntil === null) return { status: 400, field: 'servingUntil', message: 'A posting is for a fixed term: give servingUntil, the date the officer returns to their home organisation.' };
    if (fields.servingUntil <= today) return { status: 400, field: 'servingUntil', message: `servingUntil must be after today (${today}): a posting that has ended is no posting.` };
  } else {
    if (fields.homeOrgId !== keeperOrgId) {
      return { status: 403, field: 'homeOrgId', message: `You keep the records of officers serving in ${keeperOrgId}: an officer of ${fields.homeOrgId} serving there needs servingOrgId "${keeperOrgId}".` };
    }
    if (fields.servingUntil !== null) return { status: 400, field: 'servingUntil', message: 'servingUntil is the end of a posting: give servingOrgId too, or leave it out.' };
  }
  if (fields.leavingOn !== null && fields.leavingOn < today) return { status: 400, field: 'leavingOn', message: `leavingOn cannot be before today (${today}).` };
  return undefined;
}

/** The date a commitment stops counting: a move when it takes effect, a secondment when it ends. */
function commitmentEnd(c: Pick<OfficerCommitment, 'kind' | 'startDate' | 'endDate'>): string {
  return c.kind === 'move' ? c.startDate : (c.endDate ?? c.startDate);
}

/**
 * A posting end or leaving date that would fall before a live commitment of
 * the officer has run its course: the commitment counts in the unit the
 * officer serves in until its end (a secondment's return, a move's start), so
 * the officer must still be there. Refused with 409 naming it, rather than
 * leaving a commitment counted in a unit the officer has left.
 */
export function datesBeforeCommitment(
  dates: { servingUntil: string | null; leavingOn: string | null },
  commitments: readonly OfficerCommitment[],
): { field: 'servingUntil' | 'leavingOn'; commitment: OfficerCommitment; date: string } | undefined {
  for (const field of ['leavingOn', 'servingUntil'] as const) {
    const date = dates[field];
    if (date === null) continue;
    const c = commitments.find((x) => commitmentEnd(x) > date);
    if (c) return { field, commitment: c, date };
  }
  return undefined;
}

/** The words of that refusal. */
export function datesBeforeCommitmentMessage(who: string, found: NonNullable<ReturnType<typeof datesBeforeCommitment>>): string {
  const c = found.commitment;
  const what = c.kind === 'move' ? `an accepted move to ${c.toOrgId} (“${c.title}”) taking effect on ${c.startDate}` : `a secondment to ${c.toOrgId} (“${c.title}”) until ${c.endDate}`;
  const field = found.field === 'leavingOn' ? 'leave' : 'return home';
  return `${who} is committed to ${what}, application ${c.applicationId}: they cannot ${field} on ${found.date}, before it has run its course. Withdraw or change the commitment first, or choose a later date.`;
}

/**
 * The next date the officer job owes an officer a change: the posting's end
 * or the leaving date, whichever comes first; null for an officer with
 * neither, or who has left. The due item (gsi3 `DUE#OFFICER`) carries it.
 */
export function officerDueDate(officer: Posting & { status: string; leavingOn?: string | null }): string | null {
  if (officer.status !== 'active') return null;
  const dates = [isPosted(officer) ? (officer.servingUntil ?? null) : null, officer.leavingOn ?? null].filter((d): d is string => d !== null);
  return dates.length ? dates.sort()[0]! : null;
}

/**
 * Where and when the officer next starts counting in another unit's teams,
 * for that unit's forecast (gsi2 `ORG#<org>#ARRIVING`): an accepted move on
 * its start date, else the home at the posting's end; null when neither is
 * ahead or the officer leaves first. A posted officer's commitments run their
 * course within the posting (`datesBeforeCommitment`), so one arrival is all
 * an officer has ahead.
 */
export function nextArrival(officer: Posting & { status: string; leavingOn?: string | null; commitments?: readonly OfficerCommitment[] }): { orgId: string; date: string } | null {
  if (officer.status !== 'active') return null;
  const serving = servingOrgOf(officer);
  const move = (officer.commitments ?? []).find((c) => c.kind === 'move' && c.toOrgId !== serving);
  const arrival = move
    ? { orgId: move.toOrgId, date: move.startDate }
    : isPosted(officer) && officer.servingUntil
      ? { orgId: officer.homeOrgId, date: officer.servingUntil }
      : null;
  if (!arrival) return null;
  if (officer.leavingOn && officer.leavingOn <= arrival.date) return null;
  return arrival;
}

/** A funding line of a team's establishment: posts funded by a source, until a date (it ends on that date) or open-ended. */
export interface FundingLine {
  source: string;
  posts: number;
  until?: string | null;
}

/** Funded posts on `date`: the lines not yet ended. */
export function establishmentAt(lines: readonly FundingLine[], date: string): number {
  return lines.reduce((n, l) => n + (l.until && l.until <= date ? 0 : l.posts), 0);
}

/** A change to an officer's posting or leaving date as PATCH or an import row asks for it. */
export interface PostingChange {
  servingOrgId?: string | null;
  servingUntil?: string | null;
  leavingOn?: string | null;
}

/**
 * Check a change of posting or leaving date against the record as it is, and
 * give the fields as they will be stored (a posting ended takes its end date
 * with it; naming the home as `servingOrgId` is no posting). Refused: moving
 * the officer into another unit (403: postings are recorded by the unit
 * served in), an end date without a posting or not after today (400), a
 * leaving date before today (400), ending a posting now or dating an end or
 * a leaving before a live commitment has run its course (409).
 */
export function planPostingChange(
  before: PostingFields & { commitments: readonly OfficerCommitment[] },
  change: PostingChange,
  today: string,
): { ok: true; fields: Pick<PostingFields, 'servingOrgId' | 'servingUntil' | 'leavingOn'> } | { ok: false; refusal: PostingRefusal } {
  const refuse = (status: PostingRefusal['status'], field: string, message: string) => ({ ok: false as const, refusal: { status, field, message } });
  const asked = change.servingOrgId;
  if (asked !== undefined && asked !== null && asked !== before.homeOrgId && asked !== before.servingOrgId) {
    return refuse(403, 'servingOrgId', `A posting into ${asked} is recorded by ${asked}’s HR lead when the officer arrives there; it cannot be set from here.`);
  }
  const servingOrgId = asked === undefined ? before.servingOrgId : asked === before.homeOrgId ? null : asked;
  if (change.servingUntil != null && !servingOrgId) return refuse(400, 'servingUntil', 'servingUntil is the end of a posting, and this officer serves at home.');
  if (change.servingUntil != null && change.servingUntil <= today) return refuse(400, 'servingUntil', `servingUntil must be after today (${today}); to end the posting now, send servingOrgId null.`);
  const servingUntil = servingOrgId ? (change.servingUntil ?? before.servingUntil) : null;
  const leavingOn = change.leavingOn === undefined ? before.leavingOn : change.leavingOn;
  if (change.leavingOn != null && change.leavingOn !== before.leavingOn && change.leavingOn < today) return refuse(400, 'leavingOn', `leavingOn cannot be before today (${today}).`);
  if (before.servingOrgId && !servingOrgId && before.commitments.length > 0) {
    const c = before.commitments[0]!;
    return refuse(409, 'servingOrgId', `The posting cannot end now: a commitment (application ${c.applicationId}, “${c.title}”) counts in ${before.servingOrgId} until it has run its course.`);
  }
  const early = datesBeforeCommitment(
    { servingUntil: servingUntil !== before.servingUntil ? servingUntil : null, leavingOn: leavingOn !== before.leavingOn ? leavingOn : null },
    before.commitments,
  );
  if (early) return refuse(409, early.field, datesBeforeCommitmentMessage('The officer', early));
  return { ok: true, fields: { servingOrgId, servingUntil, leavingOn } };
}

/**
 * What the officer job does to an officer on `today`: mark them left on
 * their leaving date, return them home at their posting's end, or nothing.
 * Leaving comes first (a leaver does not go back to the home's teams for
 * the day). A move that takes effect on or before today goes first: the
 * move job moves them (ending any posting) and the officer job then finds
 * their leaving date on the new record.
 */
export function dueOfficerChange(
  officer: Posting & { status: string; leavingOn?: string | null; commitments?: readonly OfficerCommitment[] },
  today: string,
): { kind: 'left' | 'posting-ended' } | { kind: 'none'; reason: string } {
  if (officer.status !== 'active') return { kind: 'none', reason: 'has left already' };
  if ((officer.commitments ?? []).some((c) => c.kind === 'move' && c.startDate <= today)) return { kind: 'none', reason: 'a move takes effect first' };
  if (officer.leavingOn && officer.leavingOn <= today) return { kind: 'left' };
  if (isPosted(officer) && officer.servingUntil && officer.servingUntil <= today) return { kind: 'posting-ended' };
  return { kind: 'none', reason: 'not due' };
}
