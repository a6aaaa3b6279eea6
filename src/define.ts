/**
 * Registers every element of the library (each registration is guarded, so loading this twice is harmless) and
 * re-exports the classes.
 */
import './elements/entry-highlights/define.js';
import './shell/define.js';

export * from './index.js';
