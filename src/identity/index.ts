export { digestOf } from './digest.js';
export { type Marker, readMarker, stripMarker, withMarker } from './marker.js';
export * from './placeholders.js';
export { textDigest, textDigestOfText, visibleText } from './text-digest.js';
