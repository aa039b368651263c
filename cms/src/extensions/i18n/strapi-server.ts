import { withoutContentApi } from '../../modules/security';

/** The i18n plugin without its REST routes under /api (security/surface.ts): the CMS keeps its own. */
export default withoutContentApi;
