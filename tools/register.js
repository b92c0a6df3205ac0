// Lets Node run the TypeScript sources directly (apps, CLI, benchmarks): SWC transpiles
// with decorator metadata (NestJS needs it) and tsconfig paths resolve @wgas/* libs.
process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || `${__dirname}/../tsconfig.json`;
require('@swc-node/register');
