import { randomBytes } from 'node:crypto';

/**
 * The security headers of everything the emulator serves to a browser. Stored article HTML is whatever a
 * client sent, so a help-center page must not run a script from it: the page's Content-Security-Policy
 * allows scripts only with this response's nonce (the emulator's own live-reload script, when a page has
 * one), never inline handlers or `<script>` in a body, nor a script uploaded as an attachment.
 */

/** A fresh nonce for one page response (128 random bits, base64). */
export function newScriptNonce(): string {
  return randomBytes(16).toString('base64');
}

/** Headers of a help-center page; `scriptNonce` is the nonce its own `<script nonce>` carries, if any. */
export function sitePageHeaders(scriptNonce?: string): Record<string, string> {
  const policy = [
    "default-src 'none'",
    scriptNonce ? `script-src 'nonce-${scriptNonce}'` : "script-src 'none'",
    "style-src 'self' 'unsafe-inline'",
    'img-src * data: blob:',
    'media-src *',
    'font-src * data:',
    "connect-src 'self'",
    'frame-src https:',
    "form-action 'self'",
    "base-uri 'none'",
    "object-src 'none'",
    "frame-ancestors 'self'",
  ].join('; ');
  return {
    'content-security-policy': policy,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
}

/**
 * Headers of an uploaded file (`/_assets/…`): opened on its own, an SVG or HTML attachment runs in a
 * sandbox with no script, so it cannot reach the admin routes from the emulator's origin.
 */
export function assetHeaders(): Record<string, string> {
  return {
    'content-security-policy': "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox",
    'x-content-type-options': 'nosniff',
  };
}
