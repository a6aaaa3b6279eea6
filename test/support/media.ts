import { executeServerCommand } from '@web/test-runner-commands';

/** A CSS media feature to emulate, e.g. `{ name: 'forced-colors', value: 'active' }`. */
export interface MediaFeature {
  name: string;
  value: string;
}

/** Emulates the media features (forced colours, colour scheme…); `[]` resets them. See scripts/wtr-plugins.mjs. */
export async function emulateFeatures(features: MediaFeature[]): Promise<void> {
  await executeServerCommand('emulate-media-features', features);
}
