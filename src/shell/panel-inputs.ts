import { nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import type { PanelContext } from './panels.js';

/** The common inputs of a panel: the dashboard's context; of the entry's details only its creation instant. */
export type CommonInputs = Omit<PanelContext, 'entry'> & { entry?: Pick<PanelContext['entry'], 'created' | 'type'> };

/** The inputs every panel takes from the dashboard, as properties (each panel extends `AnalyticsPanel`). */
interface PanelInputsTarget {
  provider?: unknown;
  entryId: string;
  from: string;
  to: string;
  compareFrom: string;
  compareTo: string;
  timeZone: string;
  filters: unknown;
  lang: string;
  timeout: number;
  created: string;
  entryType: string;
  csvHeaders: string;
}

class PanelInputsDirective extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('panelInputs() goes on an element: <x-panel ${panelInputs(c)}>');
  }

  render(ctx: CommonInputs) {
    void ctx;
    return nothing;
  }

  override update(part: ElementPart, [c]: [CommonInputs]) {
    const el = part.element as unknown as PanelInputsTarget;
    // Lit properties skip unchanged values, so assigning on every render costs no extra update.
    el.provider = c.provider;
    el.entryId = c.entryId;
    el.from = c.from;
    el.to = c.to;
    el.compareFrom = c.compareFrom;
    el.compareTo = c.compareTo;
    el.timeZone = c.timeZone;
    el.filters = c.filters;
    el.lang = c.lang;
    el.created = c.entry?.created ?? '';
    el.entryType = c.entry?.type ?? '';
    if (c.csvHeaders !== undefined) el.csvHeaders = c.csvHeaders;
    if (c.timeout !== undefined) el.timeout = c.timeout;
    return nothing;
  }
}

/**
 * Sets the dashboard's common inputs (provider, entry with its creation and type, range, compare range, time zone,
 * filters, language, timeout, CSV headers)
 * on a panel element, so each registry entry (and each story) writes only what is particular to its panel.
 */
export const panelInputs = directive(PanelInputsDirective);
