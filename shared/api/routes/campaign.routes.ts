import type { RouteDef } from '../../http/route';

export const campaignRoutes = {} satisfies Record<string, RouteDef>;
