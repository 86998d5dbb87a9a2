import { routes } from '../../shared/api/routes';
import { defineHandler } from '../../shared/http/handler';
import { capabilityHeatmap } from '../../shared/use-cases/capability-heatmap-report';

export const handler = defineHandler(routes.getCapabilityHeatmap, async ({ identity, query }) => capabilityHeatmap(identity, query));
