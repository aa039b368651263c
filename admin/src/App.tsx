import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { authProvider } from './authProvider';
import batches, { Form35Import } from './batches';
import complaints from './complaints';
import { Dashboard } from './dashboard';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n';
import jobs from './jobs';
import surveys from './surveys';

/** The staff panel. Resources get their own folders as the staff API and case engine land. */
export const App = () => (
  <Admin title="Panel Layanan PBI" dataProvider={dataProvider} authProvider={authProvider} i18nProvider={i18nProvider} dashboard={Dashboard} requireAuth>
    <Resource name="cases" options={{ label: 'Kasus' }} />
    <Resource name="batches" {...batches} />
    <Resource name="jobs" {...jobs} />
    <Resource name="complaints" {...complaints} />
    <Resource name="survey-responses" {...surveys} />
    <CustomRoutes>
      <Route path="/form35" element={<Form35Import />} />
    </CustomRoutes>
  </Admin>
);
