/** Document metadata: see extractors/metadata/ (this module keeps the old import path working). */
export { extractMetadata, issuerOfTitle, kindOf, periodOf, regionOf } from './metadata/index.js';
