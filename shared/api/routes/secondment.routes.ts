import type { RouteDef } from '../../http/route';

export const secondmentRoutes = {} satisfies Record<string, RouteDef>;
