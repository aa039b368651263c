import { withoutContentApi } from '../../modules/security';

/** The content-type-builder plugin without its REST routes under /api (security/surface.ts): the CMS keeps its own. */
export default withoutContentApi;
