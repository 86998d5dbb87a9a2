import { reportRoutes } from '../../shared/api/routes/report.routes';
import { defineHandler } from '../../shared/http/handler';
import { capabilityHeatmap } from '../../shared/use-cases/capability-heatmap-report';

export const handler = defineHandler(reportRoutes.getCapabilityHeatmap, async ({ identity, query }) => capabilityHeatmap(identity, query));
