import { reportRoutes } from '../../shared/api/routes/report.routes';
import { defineHandler } from '../../shared/http/handler';
import { campaignCalendar } from '../../shared/use-cases/campaign-calendar-report';

export const handler = defineHandler(reportRoutes.getCampaignCalendar, async ({ identity, query }) => campaignCalendar(identity, query));
