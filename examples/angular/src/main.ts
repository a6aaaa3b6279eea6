// Register the elements once, before bootstrapping: Angular then sets [provider] as a property on defined tags.
import 'entry-analytics/define.js';
import { provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { App } from './app';

bootstrapApplication(App, { providers: [provideZonelessChangeDetection()] }).catch((e: unknown) => console.error(e));
