import type { RouteDef } from '../../http/route';

export const applicationRoutes = {} satisfies Record<string, RouteDef>;
