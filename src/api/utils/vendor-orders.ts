// Kept only for src/workflows/vendor-order/__tests__/split-order.unit.spec.ts,
// which still imports marketplaceStatus from here; point it at the module and delete this file.
export { marketplaceStatus } from "../../modules/vendor/vendor-order-status"
