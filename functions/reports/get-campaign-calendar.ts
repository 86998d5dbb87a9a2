import { routes } from '../../shared/api/routes';
import { defineHandler } from '../../shared/http/handler';
import { campaignCalendar } from '../../shared/use-cases/campaign-calendar-report';

export const handler = defineHandler(routes.getCampaignCalendar, async ({ identity, query }) => campaignCalendar(identity, query));
