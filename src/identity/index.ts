export { digestOf } from './digest.js';
export { type Marker, readMarker, stripMarker, withMarker } from './marker.js';
export { textDigest, visibleText } from './text-digest.js';
export * from './placeholders.js';
