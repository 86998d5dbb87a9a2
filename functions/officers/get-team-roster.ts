import { officersRoutes } from '../../shared/api/routes/officers.routes';
import { defineHandler } from '../../shared/http/handler';
import { teamRoster } from '../../shared/use-cases/team-roster';

export const handler = defineHandler(officersRoutes.getTeamRoster, async ({ identity, params }) => teamRoster(identity, params.orgId));
