import { reportRoutes } from '../../shared/api/routes/report.routes';
import { defineHandler } from '../../shared/http/handler';
import { capabilityForecast } from '../../shared/use-cases/capability-forecast';

export const handler = defineHandler(reportRoutes.getCapabilityForecast, async ({ identity, params, query }) =>
  capabilityForecast(identity, params.orgId, { months: query.months, capabilityId: query.capabilityId }),
);
