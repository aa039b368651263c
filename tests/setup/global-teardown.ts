import { TEMPLATE, dropPg } from './databases';

export default async function globalTeardown(): Promise<void> {
  if (process.env.TEST_DB_KIND === 'postgres') await dropPg(TEMPLATE);
}
