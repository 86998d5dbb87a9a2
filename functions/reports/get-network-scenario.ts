import { reportRoutes } from '../../shared/api/routes/report.routes';
import { defineHandler } from '../../shared/http/handler';
import { networkScenarioReport } from '../../shared/use-cases/network-scenario-report';

export const handler = defineHandler(reportRoutes.getNetworkScenario, async ({ identity, query }) => networkScenarioReport(identity, { region: query.region }));
