import { Admin, CustomRoutes, Resource } from 'react-admin';
import applicants from './applicants';
import { authProvider } from './authProvider';
import cases from './cases';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n';
import { Layout } from './layout/Layout';
import users from './users';

/**
 * The staff panel. One folder per resource (react-admin demo style) whose index.ts exports its
 * views; its menu.ts adds menu entries and its messages.ts its texts (both picked up by glob).
 */
export const App = () => (
  <Admin title="Panel Layanan PBI" dataProvider={dataProvider} authProvider={authProvider} i18nProvider={i18nProvider} layout={Layout} requireAuth disableTelemetry>
    <Resource name="cases" {...cases} />
    <Resource name="applicants" {...applicants} />
    <Resource name="users" {...users} />
    <Resource name="service-standards" recordRepresentation="name" />
    <Resource name="regions" recordRepresentation="name" />
    <Resource name="roles" recordRepresentation="name" />
    <Resource name="offices" recordRepresentation="name" />
    <CustomRoutes>{[]}</CustomRoutes>
  </Admin>
);
