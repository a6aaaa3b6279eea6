/** Strings of `<devices-overview>`. */
export const devices = {
  'devices.title': 'Devices overview',
  'devices.device': 'Device',
  'devices.metric': 'Metric',
  'devices.share': 'Share',
  'devices.chartLabel': '{metric} by device',
  'devices.summary': '{count, plural, one {# device type} other {# device types}}. {top} leads with {value} ({share}).',
  'devices.summaryRate': '{count, plural, one {# device type} other {# device types}}. Highest: {top} with {value}.',
  'devices.keys': 'Use the arrow keys to move between devices.',
  'devices.point': '{device}: {value}, {share} of {metric}',
  'devices.pointRate': '{device}: {metric} {value}',
  'devices.compare': 'Compare period: {value}',
  'devices.filter': 'Filter',
  'devices.filterBy': 'Filter the dashboard by device: {name}',
} as const;
