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
  return (
    <Box data-testid="panel-user" sx={{ display: { xs: 'none', md: 'block' }, textAlign: 'right', mr: 1, lineHeight: 1.1 }}>
      <Typography variant="body2" component="div">{identity.fullName}</Typography>
      <Typography variant="caption" component="div" sx={{ opacity: 0.85 }}>
        {locale === 'en' ? role?.nameEn : role?.name} · {office?.name}
      </Typography>
    </Box>
  );
};

const PanelAppBar = () => (
  <AppBar
    toolbar={
      <>
        <UserBadge />
        <Box data-testid="locale-switch" title="Bahasa / Language">
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
