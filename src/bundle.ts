/** Entry of the single-file bundle for script-tag users: registers every element and re-exports the library. */
import './define.js';
export * from './index.js';
