import type { RouteDef } from '../../http/route';

export const reportRoutes = {} satisfies Record<string, RouteDef>;
