import { routes } from '../../shared/api/routes';
import { defineHandler } from '../../shared/http/handler';
import { pipPipelineReport } from '../../shared/use-cases/pip-pipeline-report';

export const handler = defineHandler(routes.getPipPipeline, async ({ identity }) => pipPipelineReport(identity));
