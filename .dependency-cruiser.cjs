// Boundaries of the source tree, checked by `npm run lint:deps` (in .ci/run).
// Why each rule exists is in docs/decisions.md (decision 53).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-module-to-module",
      comment: "A module is isolated (Medusa's rule): it never imports another module. Cross-module work is a link, a workflow or a query.",
      severity: "error",
      from: { path: "^src/modules/([^/]+)/" },
      to: { path: "^src/modules/", pathNot: "^src/modules/$1/" },
    },
    {
      name: "modules-only-import-lib",
      comment: "Modules sit at the bottom: they may use src/lib (and src/options.ts for their options), never the layers built on them.",
      severity: "error",
      from: { path: "^src/modules/" },
      to: { path: "^src/(api|workflows|subscribers|jobs|links|scripts|admin|utils)/" },
    },
    {
      name: "module-loads-only-its-own-providers",
      comment:
        "The payout module registers its built-in providers (payout-manual, payout-stripe-connect) as Medusa's payment module registers pp_system; no module loads another's.",
      severity: "error",
      from: { path: "^src/modules/([^/]+)/" },
      to: { path: "^src/providers/", pathNot: "^src/providers/$1-" },
    },
    {
      name: "providers-stay-providers",
      comment:
        "A provider is a module Medusa loads on its own; it uses src/lib and the contract (types.ts: interface and error class) of the module it serves, as Medusa's providers use @medusajs/framework.",
      severity: "error",
      from: { path: "^src/providers/([^-/]+)-" },
      to: { path: "^src/(modules|api|workflows|subscribers|jobs|links|scripts|admin)/", pathNot: "^src/modules/$1/types\\.ts$" },
    },
    {
      name: "lib-is-a-leaf",
      comment: "src/lib (money) depends on nothing in src, so anything may use it.",
      severity: "error",
      from: { path: "^src/lib/" },
      to: { path: "^src/", pathNot: "^src/lib/" },
    },
    {
      name: "api-not-into-workflow-internals",
      comment: "Routes run workflows; steps and workflow utils are internals of their workflows.",
      severity: "error",
      from: { path: "^src/(api|subscribers|jobs)/" },
      to: { path: "^src/workflows/[^/]+/(steps|utils)/" },
    },
    {
      name: "no-route-imports-route",
      comment: "A route file is an entry point; what two routes share lives in the resource's helpers, validators or query-config.",
      severity: "error",
      from: { path: "^src/" },
      to: { path: "^src/api/.+/route\\.ts$" },
    },
    {
      name: "workflows-not-into-api",
      comment: "Workflows are called by routes, subscribers and jobs; they never reach back into the HTTP layer.",
      severity: "error",
      from: { path: "^src/(workflows|subscribers|jobs|links)/" },
      to: { path: "^src/api/" },
    },
    {
      name: "admin-is-a-separate-bundle",
      comment: "The admin extensions are bundled for the browser: they talk to the server over HTTP only.",
      severity: "error",
      from: { path: "^src/admin/" },
      to: { path: "^src/", pathNot: "^src/admin/" },
    },
    {
      name: "no-circular",
      comment:
        "DML models of one module point at each other (belongsTo/hasMany with () => Model), which is Medusa's idiom; any other cycle is an error.",
      severity: "error",
      from: { pathNot: "^src/modules/[^/]+/models/" },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)__tests__/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
  },
}
