import { useMemo, useState } from 'react';
import { EntryAnalytics } from 'entry-analytics/react';
import { createEventsProvider, generateSample, SAMPLE_VIDEO_ID, type Filters } from 'entry-analytics';

export default function Analytics() {
  const provider = useMemo(() => createEventsProvider(generateSample({ events: 40_000, days: 90 })), []);
  const [filters, setFilters] = useState<Filters>({});
  const [lastSeek, setLastSeek] = useState<number | null>(null);
  return (
    <>
      <EntryAnalytics
        provider={provider}
        entryId={SAMPLE_VIDEO_ID}
        preset="last30"
        compare="previous"
        timeZone="UTC"
        filters={filters}
        // Typed details: e.detail.time is a number, e.detail.filters the dashboard's filters.
        onSeek={(e) => setLastSeek(e.detail.time)}
        onFiltersChange={(e) => setFilters(e.detail.filters)}
      />
      <p>{lastSeek === null ? 'No seek yet' : `Seek to ${lastSeek.toFixed(1)} s`}</p>
    </>
  );
}
