/** Strings of `<entry-highlights>`. */
export const highlights = {
  'highlights.title': 'Highlights',
  'highlights.trendUp': 'up {change}',
  'highlights.trendDown': 'down {change}',
  'highlights.trendFlat': 'no change',
  'highlights.trendNew': 'new in this period',
  'highlights.previous': 'Compare period: {value}',
  'highlights.points': '{change} pts',
  'highlights.noTrend': 'No trend: the entry did not exist for the whole compare period.',
  'highlights.summary': '{metric}: {value}',
  'highlights.metric': 'Metric',
} as const;
