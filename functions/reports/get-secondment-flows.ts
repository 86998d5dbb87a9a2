import { routes } from '../../shared/api/routes';
import { defineHandler } from '../../shared/http/handler';
import { secondmentFlowsReport } from '../../shared/use-cases/secondment-flows-report';

export const handler = defineHandler(routes.getSecondmentFlows, async ({ identity, query }) => secondmentFlowsReport(identity, query));
