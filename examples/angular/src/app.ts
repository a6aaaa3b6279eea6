import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import { createEventsProvider, generateSample, SAMPLE_VIDEO_ID, type Filters } from 'entry-analytics';

@Component({
  selector: 'app-root',
  // The library's tags are custom elements, not Angular components.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  // With strictTemplates, $event is typed from the element's event map: (seek) gives CustomEvent<SeekDetail>.
  template: `
    <h1>Video analytics</h1>
    <entry-analytics
      [entryId]="entryId"
      preset="last30"
      compare="previous"
      time-zone="UTC"
      [provider]="provider"
      [filters]="filters()"
      (seek)="lastSeek.set($event.detail.time)"
      (filters-change)="filters.set($event.detail.filters)"
    ></entry-analytics>
    <p>{{ lastSeek() === null ? 'No seek yet' : 'Seek to ' + lastSeek() + ' s' }}</p>
  `,
})
export class App {
  readonly entryId = SAMPLE_VIDEO_ID;
  readonly provider = createEventsProvider(generateSample({ events: 40_000, days: 90 }));
  readonly filters = signal<Filters>({});
  readonly lastSeek = signal<number | null>(null);
}
