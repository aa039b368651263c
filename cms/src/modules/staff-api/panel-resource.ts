import { roleDefinition } from '../../core/roles';
import { forbidden, notAllowed } from '../../platform/errors';
import { resourceNamed } from './resources';
import type { Action } from './resources/types';

const ACTION_NAMES: Record<Action, string> = { read: 'melihat', create: 'menambah', update: 'mengubah', delete: 'menghapus' };

/**
 * Route middleware after staff-context: puts the resource declaration in ctx.state and
 * refuses actions the resource doesn't offer (405) or the role may not take (403).
 */
export default (config: { resource: string; action: Action }) => {
  const def = resourceNamed(config.resource);
  return async (ctx: any, next: () => Promise<void>) => {
    const allowed = def.access[config.action];
    if (!allowed) throw notAllowed(`Tindakan ${ACTION_NAMES[config.action]} tidak tersedia untuk ${def.name}`);
    if (!allowed.includes(ctx.state.staff.role)) {
      throw forbidden(`Peran ${roleDefinition(ctx.state.staff.role)?.name ?? ctx.state.staff.role} tidak berwenang ${ACTION_NAMES[config.action]} ${def.name}`);
    }
    ctx.state.panelResource = def;
    await next();
  };
};
