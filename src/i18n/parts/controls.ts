/** The English words of the side panel's controls (settings, units, brokers, the Design section),
 * which load with the controls rather than in the first load (scripts/lib/catalogPlugin.mjs).
 * Importing this module makes them available to `t`. */
import controls from 'virtual:catalog/en-controls';
import { addEnglish } from '../runtime.ts';

addEnglish(controls);
