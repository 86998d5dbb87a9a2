import { describe, expect, it } from 'vitest';
import { outstandingText, planPublish, type ConsultationEntry } from '../../shared/domain/consultation';
import { assessImpact, type ImpactBaseline, type ImpactCampaign } from '../../shared/domain/impact';
import { holderCounterName } from '../../shared/domain/officer-counters';

const sc2 = holderCounterName('sc', 2);
const titan: ImpactBaseline = { orgId: 'titan', capabilityId: 'cyber', strength: 10, minimum: 7, committedOut: 0, holders: { [sc2]: 9, [holderCounterName('nppv3', 1)]: 1 } };
const ersou: ImpactBaseline = { orgId: 'ersou', capabilityId: 'cyber', strength: 12, minimum: 4, committedOut: 0, holders: { [sc2]: 12 } };
/** VIPER cyber, small: strength 5, minimum 3, all eligible. Six posts would take it to zero. */
const viper: ImpactBaseline = { orgId: 'viper', capabilityId: 'cyber', strength: 5, minimum: 3, committedOut: 0, holders: { [sc2]: 5 } };

type PublishableCampaign = ImpactCampaign & { status: string; consultation: Record<string, ConsultationEntry> };

/** "Cyber investigators, North West" as the NCA HR lead drafted it: 6 posts, SC, PIP2, no per-source cap. */
const draft: PublishableCampaign = {
  ownerOrgId: 'nca',
  capabilityId: 'cyber',
  posts: 6,
  allocations: [],
  maxAppointmentsPerSource: null,
  sourceCaps: {},
  roleProfile: { vetting: 'sc', minPipLevel: 2 },
  status: 'draft',
  consultation: {},
};

const entry = (status: string, extra: Partial<ConsultationEntry> = {}): ConsultationEntry => ({
  alertId: 'alt_titan',
  level: 'critical',
  status,
  requestedCap: null,
  outcome: null,
  ...extra,
});

/** Plan a publication of `campaign` against the baselines as they stand (the assessment is recomputed each time). */
const plan = (campaign: PublishableCampaign, baselines: readonly ImpactBaseline[] = [titan, ersou]) =>
  planPublish(campaign, assessImpact(campaign, baselines.map((b) => b.orgId), baselines));

const inConsultation = (consultation: Record<string, ConsultationEntry>, changes: Partial<PublishableCampaign> = {}): PublishableCampaign => ({
  ...draft,
  status: 'consultation',
  consultation,
  ...changes,
});

describe('publishing a campaign that would deplete a ROCU', () => {
  it('publishing the NCA draft puts it in consultation and alerts the TITAN head only', () => {
    const p = plan(draft);
    expect(p.outcome).toBe('consultation');
    expect(p.raise.map((r) => r.orgId)).toEqual(['titan']);
    expect(p.raise[0]).toMatchObject({ worstCase: 4, minimum: 7, level: 'critical' });
    expect(p).toMatchObject({ inform: [], capMet: [], withdraw: [], outstanding: [] });
  });

  it('a campaign that would take a whole team is held like a critical one (loss)', () => {
    const p = plan(draft, [titan, ersou, viper]);
    expect(p.raise.map((r) => [r.orgId, r.level])).toEqual([
      ['titan', 'critical'],
      ['viper', 'loss'],
    ]);
    expect(p.outcome).toBe('consultation');
  });

  it('a campaign that harms nobody opens straight away', () => {
    expect(plan({ ...draft, posts: 1 })).toEqual({ outcome: 'open', raise: [], inform: [], capMet: [], withdraw: [], outstanding: [] });
  });
});

describe('publishing again while the consultation runs', () => {
  it.each(['open', 'escalated'])('an alert still %s holds the campaign: publishing is refused (409) naming TITAN', (status) => {
    const p = plan(inConsultation({ titan: entry(status) }));
    expect(p.outcome).toBe('blocked');
    expect(p.outstanding).toEqual(['titan']);
    expect(p.raise).toEqual([]);
  });

  it('a first publication is never refused: a draft with a live alert on record goes to consultation', () => {
    const p = plan({ ...draft, consultation: { titan: entry('open') } });
    expect(p.outcome).toBe('consultation');
    expect(p.outstanding).toEqual(['titan']);
  });

  it('an alert that already exists is not raised twice', () => {
    expect(plan(inConsultation({ titan: entry('open') })).raise).toEqual([]);
  });

  it('a cap request the campaign does not meet yet holds it', () => {
    const p = plan(inConsultation({ titan: entry('cap-requested', { requestedCap: 2 }) }));
    expect(p.outcome).toBe('blocked');
    expect(p.outstanding).toEqual(['titan']);
  });

  it('a new critical row while another alert is outstanding keeps the campaign in consultation and raises the new alert', () => {
    const p = plan(inConsultation({ titan: entry('open') }), [titan, ersou, viper]);
    expect(p.outcome).toBe('consultation');
    expect(p.raise.map((r) => r.orgId)).toEqual(['viper']);
    expect(p.outstanding).toEqual(['titan']);
  });
});

describe('how a consultation ends', () => {
  it('TITAN asked for a cap of 2 and the HR lead set it: the request is met and the campaign opens', () => {
    const p = plan(inConsultation({ titan: entry('cap-requested', { requestedCap: 2 }) }, { maxAppointmentsPerSource: 2 }));
    expect(p.outcome).toBe('open');
    expect(p.capMet).toEqual(['titan']);
    expect(p.withdraw).toEqual([]);
    // TITAN's row is now a warning, but its head already has the alert they answered: no second one.
    expect(p.inform).toEqual([]);
  });

  it('a cap tighter than the one requested meets the request too', () => {
    const p = plan(inConsultation({ titan: entry('cap-requested', { requestedCap: 2 }) }, { maxAppointmentsPerSource: 1 }));
    expect(p.outcome).toBe('open');
    expect(p.capMet).toEqual(['titan']);
  });

  it('a met cap request opens the campaign even when the row it left is still critical', () => {
    // TITAN already has two officers committed out: projected 8, cap 2 leaves 6 < 7. The head asked for 2 and got 2.
    const p = plan(inConsultation({ titan: entry('cap-requested', { requestedCap: 2 }) }, { maxAppointmentsPerSource: 2 }), [{ ...titan, committedOut: 2 }, ersou]);
    expect(p.outcome).toBe('open');
    expect(p.capMet).toEqual(['titan']);
    expect(p.outstanding).toEqual([]);
  });

  it('a cap the ROCC imposed for TITAN meets a cap request as well as the campaign cap does', () => {
    const p = plan(inConsultation({ titan: entry('cap-requested', { requestedCap: 2 }) }, { sourceCaps: { titan: 2 } }));
    expect(p.capMet).toEqual(['titan']);
    expect(p.outcome).toBe('open');
  });

  it.each([
    ['accepted the risk', 'accepted'],
    ['was overruled by the ROCC', 'overruled'],
  ])('a critical row whose head %s no longer holds the campaign', (_why, outcome) => {
    const p = plan(inConsultation({ titan: entry('resolved', { outcome }) }));
    expect(p.outcome).toBe('open');
    expect(p).toMatchObject({ raise: [], outstanding: [], capMet: [], withdraw: [] });
  });

  it('a row that is no longer critical withdraws its alert and lets the campaign open', () => {
    // The HR lead cut the posts to 2: TITAN would end at 8, a warning.
    const p = plan(inConsultation({ titan: entry('open') }, { posts: 2 }));
    expect(p.outcome).toBe('open');
    expect(p.withdraw).toEqual(['titan']);
    expect(p.capMet).toEqual([]);
  });

  it('an escalated objection whose row is no longer critical is withdrawn, not left with the ROCC', () => {
    const p = plan(inConsultation({ titan: entry('escalated') }, { posts: 1 }));
    expect(p.withdraw).toEqual(['titan']);
    expect(p.outcome).toBe('open');
  });

  it('a cap request met only half-way (3 set, 2 asked) still holds the campaign', () => {
    const p = plan(inConsultation({ titan: entry('cap-requested', { requestedCap: 2 }) }, { maxAppointmentsPerSource: 3 }));
    expect(p.outcome).not.toBe('open');
  });

  it('a row that becomes critical again after its alert was withdrawn holds the campaign again', () => {
    const p = plan(inConsultation({ titan: entry('withdrawn', { outcome: 'no-longer-critical' }) }));
    expect(p.outcome).not.toBe('open');
  });

  it('raising the cap again after a cap request was met holds the campaign again', () => {
    const p = plan(inConsultation({ titan: entry('resolved', { requestedCap: 2, outcome: 'cap-met' }) }, { maxAppointmentsPerSource: null }));
    expect(p.outcome).not.toBe('open');
  });
});

describe('warnings inform and never hold', () => {
  it('a campaign capped at 2 from the start opens, and TITAN is told of the warning', () => {
    const p = plan({ ...draft, maxAppointmentsPerSource: 2 });
    expect(p.outcome).toBe('open');
    expect(p.inform.map((r) => [r.orgId, r.level])).toEqual([['titan', 'warning']]);
    expect(p.raise).toEqual([]);
    expect(p.outstanding).toEqual([]);
  });

  it('a warning already told is not told again, and an unanswered informational alert holds nothing', () => {
    const p = plan(inConsultation({ titan: entry('informational', { level: 'warning' }) }, { maxAppointmentsPerSource: 2 }));
    expect(p).toEqual({ outcome: 'open', raise: [], inform: [], capMet: [], withdraw: [], outstanding: [] });
  });

  it('a warning that becomes critical after an edit raises a real campaign-impact alert', () => {
    const p = plan(inConsultation({ titan: entry('informational', { level: 'warning' }) }));
    expect(p.raise.map((r) => r.orgId)).toEqual(['titan']);
    expect(p.outcome).toBe('consultation');
  });

  it('a warning row beside an outstanding critical one is told, and only the critical one holds the campaign', () => {
    // ERSOU at 10, minimum 4: six taken leave 4, at the minimum but inside its margin: a warning.
    const p = plan(inConsultation({ titan: entry('open') }), [titan, { ...ersou, strength: 10, holders: { [sc2]: 10 } }]);
    expect(p.inform.map((r) => [r.orgId, r.level])).toEqual([['ersou', 'warning']]);
    expect(p.outstanding).toEqual(['titan']);
    expect(p.outcome).toBe('blocked');
  });
});

describe('an answer covers only the risk that was answered', () => {
  const answered = (worstCase: number, extra: Partial<ConsultationEntry> = {}) =>
    entry('resolved', { outcome: 'accepted', teams: [{ capabilityId: 'cyber', worstCase, level: 'critical' }], ...extra });

  it('the TITAN head accepted a worst case of 4; the same campaign opens', () => {
    const p = plan(inConsultation({ titan: answered(4) }));
    expect(p.outcome).toBe('open');
    expect(p.raise).toEqual([]);
  });

  it('raising the posts after the answer (worst case 4 → 1) reopens consultation with a new alert superseding the old', () => {
    const p = plan(inConsultation({ titan: answered(4) }, { posts: 9 }));
    expect(p.outcome).toBe('consultation');
    expect(p.raise.find((r) => r.orgId === 'titan')).toMatchObject({ worstCase: 1, supersedes: 'alt_titan' });
    // ERSOU had no alert: asked for the first time.
    expect(p.raise.find((r) => r.orgId === 'ersou')).toMatchObject({ worstCase: 3, supersedes: null });
  });

  it('an edit that makes it no worse keeps the answer (fewer posts, a cap)', () => {
    expect(plan(inConsultation({ titan: answered(4) }, { posts: 5 })).outcome).toBe('open');
    expect(plan(inConsultation({ titan: answered(4) }, { maxAppointmentsPerSource: 3 })).outcome).toBe('open');
  });

  it('a newly blocking team of another capability reopens consultation too, and one alert names both teams', () => {
    const titanCyber = { ...titan, coHolders: { 'co_digital-forensics_sc_2': 3 } };
    const forensics: ImpactBaseline = { orgId: 'titan', capabilityId: 'digital-forensics', strength: 3, minimum: 3, committedOut: 0, holders: {} };
    const campaign = inConsultation({ titan: answered(4) });
    const p = planPublish(campaign, assessImpact(campaign, ['titan'], [titanCyber], [forensics]));
    expect(p.outcome).toBe('consultation');
    expect(p.raise[0]!.teams.map((t) => [t.capabilityId, t.level])).toEqual([
      ['cyber', 'critical'],
      ['digital-forensics', 'loss'],
    ]);
    expect(p.raise[0]).toMatchObject({ capabilityId: 'cyber', supersedes: 'alt_titan' });
  });
});

describe('why a campaign cannot open yet, in words', () => {
  it('names each ROCU still holding it and what it waits for', () => {
    const names: Record<string, string> = { titan: 'TITAN', ersou: 'ERSOU', viper: 'VIPER' };
    expect(
      outstandingText(
        [
          { orgId: 'titan', status: 'open', requestedCap: null },
          { orgId: 'ersou', status: 'cap-requested', requestedCap: 2 },
          { orgId: 'viper', status: 'escalated', requestedCap: null },
        ],
        (id) => names[id] ?? id,
      ),
    ).toBe(
      'The campaign cannot open yet: TITAN’s ROCU head has not answered yet; ERSOU’s ROCU head asked for no more than 2 offers to its officers, and the campaign does not meet that yet; VIPER’s objection is with the ROCC to decide.',
    );
  });
});
