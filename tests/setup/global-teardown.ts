import fs from 'fs';
import { TEMPLATE, dropPg } from './databases';
import { testDataDir } from './test-env';

export default async function globalTeardown(): Promise<void> {
  if (process.env.TEST_DB_KIND === 'postgres') await dropPg(TEMPLATE);
  fs.rmSync(testDataDir, { recursive: true, force: true });
}
