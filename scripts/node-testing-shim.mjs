// What a Node-run test gets for `import { expect } from '@open-wc/testing'`: chai's expect and nothing DOM-bound.
// (scripts/test-node.mjs aliases the package to this file; a pure test that reaches for fixture() fails to build.)
export { expect, assert } from '@esm-bundle/chai';
