/**
 * The manifest is what a user is asked to agree to at install time: these tests keep it asking
 * for no more than the README promises, and keep the one-manifest-for-both-browsers contract.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  background: { service_worker?: string; scripts?: string[]; type?: string };
  content_scripts: { matches: string[]; js?: string[]; css?: string[]; all_frames?: boolean }[];
  web_accessible_resources?: { resources: string[]; matches?: string[]; extension_ids?: string[]; use_dynamic_url?: boolean }[];
  externally_connectable?: unknown;
  content_security_policy?: unknown;
  commands?: Record<string, { suggested_key?: { default?: string } }>;
  browser_specific_settings: { gecko: { id: string; strict_min_version: string; data_collection_permissions: { required: string[] } } };
}

const manifest = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8')) as Manifest;

describe('manifest.json', () => {
  it('asks for storage and nothing else', () => {
    expect(manifest.permissions).toEqual(['storage']);
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.optional_permissions ?? []).toEqual([]);
    expect(manifest.optional_host_permissions ?? []).toEqual([]);
  });

  it('runs its content script on ordinary web pages only', () => {
    expect(manifest.content_scripts.flatMap((script) => script.matches)).toEqual(['http://*/*', 'https://*/*']);
  });

  it('exposes only the overlay module, at a per-session URL, and keeps the default CSP', () => {
    // The content script imports overlay.js from the page it runs in, so the page's origin must
    // be allowed to load it; use_dynamic_url keeps pages from probing a fixed URL for it.
    expect(manifest.web_accessible_resources).toEqual([
      { resources: ['overlay.js'], matches: manifest.content_scripts[0]!.matches, use_dynamic_url: true },
    ]);
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.content_security_policy).toBeUndefined();
  });

  it('gives both browsers the same classic background script', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.background.service_worker).toBeDefined();
    expect(manifest.background.scripts).toEqual([manifest.background.service_worker]);
    // A module worker would not load as a Firefox event page script.
    expect(manifest.background.type).toBeUndefined();
  });

  it('declares to Firefox that it collects no data', () => {
    expect(manifest.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect(Number.parseFloat(manifest.browser_specific_settings.gecko.strict_min_version)).toBeGreaterThanOrEqual(142);
  });

  it('offers the sidebar shortcut', () => {
    expect(manifest.commands?.['toggle-sidebar']?.suggested_key?.default).toBe('Alt+Shift+F');
  });
});
