/**
 * The API's shapes, taken from the same zod schemas the handlers validate and
 * shape their responses with (type-only imports: nothing of the server is
 * bundled), so a changed response field is a type error here.
 */
import type { z } from 'zod';
import type { AlertSummary, alertWithHistory } from '../../shared/schemas/alert.schema';
import type { Application } from '../../shared/schemas/application.schema';
import type { CampaignSummaryView as CampaignSummary, CampaignView as Campaign, impactAssessment, impactRow } from '../../shared/schemas/campaign.schema';
import type { Capability, CapabilityRow } from '../../shared/schemas/capability.schema';
import type { me } from '../../shared/schemas/misc.schema';
import type { organisation } from '../../shared/schemas/organisation.schema';
import type { SecondmentApplication } from '../../shared/schemas/secondment.schema';
import type { Placement } from '../../shared/schemas/placement.schema';
import type { importResult } from '../../shared/schemas/officer.schema';

export type { AlertSummary, Application, Campaign, CampaignSummary, Capability, CapabilityRow, SecondmentApplication };
/** `GET /v1/me/applications`: campaign and secondment applications in one list. */
export type MyApplication = Application | SecondmentApplication;
export type AlertDetail = z.infer<typeof alertWithHistory>;
export type ImpactAssessment = z.infer<typeof impactAssessment>;
export type ImpactRow = z.infer<typeof impactRow>;
export type Me = z.infer<typeof me>;
export type Organisation = z.infer<typeof organisation>;
export type Level = ImpactRow['level'];
export type { Placement };
/** `POST /v1/officers/import`: counts and the per-row error report. */
export type ImportResult = z.infer<typeof importResult>;

export interface Page<T> {
  items: T[];
  cursor?: string;
}

export type Role = 'officer' | 'hr-lead' | 'rocu-head' | 'rocc' | 'admin';

export interface Claims {
  sub: string;
  org: string;
  roles: Role[];
  officerId?: string;
  regions?: string[];
}

/** `GET /local/personas` (local runs only). */
export interface Persona {
  id: string;
  name: string;
  org: string;
  roles: Role[];
  officerId?: string;
  regions?: string[];
  description?: string;
}
