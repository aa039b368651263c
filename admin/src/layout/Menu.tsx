import { Box, Divider } from '@mui/material';
import { createElement } from 'react';
import { Menu as RaMenu, useGetIdentity, usePermissions, useTranslate } from 'react-admin';
import { allows, type Me } from '../authProvider';
import { forRole, type MenuEntry } from './menu';

const contributed = import.meta.glob<{ menu?: MenuEntry[] }>('../*/menu.ts', { eager: true });
const GROUPS: MenuEntry['group'][] = ['work', 'data', 'admin'];

/** Every contributed entry, grouped and ordered. */
export const menuEntries: MenuEntry[] = Object.values(contributed)
  .flatMap((m) => m.menu ?? [])
  .sort((a, b) => GROUPS.indexOf(a.group) - GROUPS.indexOf(b.group) || a.order - b.order);

/** The side menu: only the entries the logged-in role needs and may open. */
export const Menu = () => {
  const { permissions } = usePermissions<Me>();
  useGetIdentity();
  const translate = useTranslate();
  if (!permissions) return <RaMenu />;
  const visible = menuEntries.filter((e) => forRole(e, permissions.role.type) && (!e.access || allows(permissions, e.access.resource, e.access.action ?? 'list')));
  return (
    <RaMenu>
      {GROUPS.map((group, i) => {
        const entries = visible.filter((e) => e.group === group);
        if (!entries.length) return null;
        return (
          <Box key={group}>
            {i > 0 && <Divider sx={{ my: 0.5 }} />}
            {entries.map((e) => (
              <RaMenu.Item key={e.id} to={e.to} primaryText={translate(e.label, { smart_count: 2 })} leftIcon={createElement(e.icon)} data-testid={`menu-${e.id}`} />
            ))}
          </Box>
        );
      })}
    </RaMenu>
  );
};
