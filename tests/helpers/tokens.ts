/** A full-access API token of Strapi's own (for tests that use the stock REST API). */
export async function fullAccessToken(strapi: any): Promise<string> {
  const token = await strapi.service('admin::api-token').create({ name: `test-${Date.now()}-${Math.random()}`, type: 'full-access', lifespan: null, description: 'tests' });
  return token.accessKey;
}
