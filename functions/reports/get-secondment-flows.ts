import { reportRoutes } from '../../shared/api/routes/report.routes';
import { defineHandler } from '../../shared/http/handler';
import { secondmentFlowsReport } from '../../shared/use-cases/secondment-flows-report';

export const handler = defineHandler(reportRoutes.getSecondmentFlows, async ({ identity, query }) => secondmentFlowsReport(identity, query));
