/** The type of .dependency-cruiser.mjs, for the test that runs its rules over made-up files. */
import type { IConfiguration } from 'dependency-cruiser';

declare const config: Required<Pick<IConfiguration, 'forbidden' | 'options'>>;
export default config;
