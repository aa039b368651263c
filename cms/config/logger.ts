// LOG_LEVEL=warn keeps test and benchmark output readable.
export default ({ env }) => ({ level: env('LOG_LEVEL', 'http') });
