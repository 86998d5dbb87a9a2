import { reportRoutes } from '../../shared/api/routes/report.routes';
import { defineHandler } from '../../shared/http/handler';
import { pipPipelineReport } from '../../shared/use-cases/pip-pipeline-report';

export const handler = defineHandler(reportRoutes.getPipPipeline, async ({ identity }) => pipPipelineReport(identity));
