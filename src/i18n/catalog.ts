/**
 * The English catalog: every user-visible string of the library, merged from one file per area so that areas can
 * grow apart without touching each other. Keys are namespaced (`state.*`, `metric.*`, `highlights.*`…). Parameters
 * are written `{name}` and filled by {@link translate}.
 */
import { common } from './en/common.js';
import { highlights } from './en/highlights.js';
import { playback } from './en/playback.js';
import { time } from './en/time.js';
import { funnel } from './en/funnel.js';
import { shell } from './en/shell.js';
import { users } from './en/users.js';
import { geo } from './en/geo.js';
import { devices } from './en/devices.js';
import { domains } from './en/domains.js';

export const en = {
  ...common,
  ...highlights,
  ...playback,
  ...time,
  ...funnel,
  ...shell,
  ...users,
  ...geo,
  ...devices,
  ...domains,
} as const;

/** A message key. */
export type MessageKey = keyof typeof en;
/** A catalog for one language: any subset of the English keys (missing keys fall back to English). */
export type Catalog = Partial<Record<MessageKey, string>>;
