import { Admin, CustomRoutes, Resource } from 'react-admin';
import { authProvider } from './authProvider';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n';

/** The staff panel. Resources get their own folders as the staff API and case engine land. */
export const App = () => (
  <Admin title="Panel Layanan PBI" dataProvider={dataProvider} authProvider={authProvider} i18nProvider={i18nProvider} requireAuth>
    <Resource name="cases" options={{ label: 'Kasus' }} />
    <CustomRoutes>{[]}</CustomRoutes>
  </Admin>
);
