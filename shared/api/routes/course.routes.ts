import type { RouteDef } from '../../http/route';

export const courseRoutes = {} satisfies Record<string, RouteDef>;
