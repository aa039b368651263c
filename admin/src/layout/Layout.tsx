import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { AppBar, Layout as RaLayout, LoadingIndicator, LocalesMenuButton, TitlePortal, useGetIdentity, useLocaleState } from 'react-admin';
import type { Me } from '../authProvider';
import { Menu } from './Menu';

/** Who is logged in, for which office and in which role (the role decides the menu). */
const UserBadge = () => {
  const { identity } = useGetIdentity();
  const [locale] = useLocaleState();
  if (!identity) return null;
  const role = identity.role as Me['role'] | undefined;
  const office = identity.office as Me['office'] | undefined;
  const line = `${(locale === 'en' ? role?.nameEn : role?.name) ?? ''} · ${office?.name ?? ''}`;
  // One line however long the office's name (Karangasem's has 110 characters): cut with an
  // ellipsis, the whole name in the tooltip; the page title keeps the rest of the bar.
  return (
    <Box data-testid="panel-user" title={line} sx={{ display: { xs: 'none', md: 'block' }, flex: '0 1 auto', minWidth: 0, maxWidth: '45%', textAlign: 'right', mr: 1, lineHeight: 1.1 }}>
      <Typography variant="body2" component="div" noWrap>
        {identity.fullName}
      </Typography>
      <Typography variant="caption" component="div" noWrap sx={{ opacity: 0.85 }} data-testid="panel-office">
        {line}
      </Typography>
    </Box>
  );
};

const PanelAppBar = () => (
  <AppBar
    toolbar={
      <>
        <UserBadge />
        {/* On a phone the language menu keeps its icons only: the page title needs the room. */}
        <Box data-testid="locale-switch" title="Bahasa / Language" sx={{ '& button': { fontSize: { xs: 0, sm: '0.875rem' }, minWidth: 0 } }}>
          <LocalesMenuButton />
        </Box>
        <LoadingIndicator />
      </>
    }
  >
    <TitlePortal />
  </AppBar>
);

export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout appBar={PanelAppBar} menu={Menu}>
    {children}
  </RaLayout>
);
