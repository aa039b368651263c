import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import accessLogs from './access-logs';
import applicants from './applicants';
import { authProvider } from './authProvider';
import batches, { Form35Import } from './batches';
import cases from './cases';
import complaints from './complaints';
import { Dashboard } from './dashboard';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n';
import jobs from './jobs';
import { Layout } from './layout/Layout';
import surveys from './surveys';
import users from './users';

/**
 * The staff panel. One folder per resource (react-admin demo style) whose index.ts exports its
 * views; its menu.ts adds menu entries and its messages.ts its texts (both picked up by glob).
 */
export const App = () => (
  <Admin title="Panel Layanan PBI" dataProvider={dataProvider} authProvider={authProvider} i18nProvider={i18nProvider} layout={Layout} dashboard={Dashboard} requireAuth disableTelemetry>
    <Resource name="cases" {...cases} />
    <Resource name="applicants" {...applicants} />
    <Resource name="users" {...users} />
    <Resource name="batches" {...batches} />
    <Resource name="jobs" {...jobs} />
    <Resource name="complaints" {...complaints} />
    <Resource name="survey-responses" {...surveys} />
    <Resource name="access-logs" {...accessLogs} />
    <Resource name="service-standards" recordRepresentation="name" />
    <Resource name="regions" recordRepresentation="name" />
    <Resource name="roles" recordRepresentation="name" />
    <Resource name="offices" recordRepresentation="name" />
    <CustomRoutes>
      <Route path="/form35" element={<Form35Import />} />
    </CustomRoutes>
  </Admin>
);
