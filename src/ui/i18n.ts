/**
 * Interface strings. Every visible string goes through `t(key)`, whose backend is injected:
 * `browser.i18n.getMessage` in the extension (set by the entry point through src/platform), a
 * catalog read from public/_locales in tests and the CLI.
 */

/** Every message key, taken from the English catalog so a typo is a type error. */
export type MessageKey = keyof typeof import('../../public/_locales/en/messages.json');

/** Looks a message up the way `browser.i18n.getMessage` does: `''` when the key is unknown. */
export type MessageBackend = (key: string, substitutions?: string[]) => string;

/** One entry of a `_locales/<lang>/messages.json` file. */
export interface CatalogEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

/** A whole `messages.json`. */
export type Catalog = Record<string, CatalogEntry>;

let backend: MessageBackend | undefined;

/** Sets where `t` finds its messages. Call once, before rendering. */
export function setMessageBackend(next: MessageBackend): void {
  backend = next;
}

/**
 * The backend set so far, to hand to a separately bundled copy of this module (the overlay,
 * loaded later as its own file, has its own `backend` variable to set).
 */
export function currentMessageBackend(): MessageBackend | undefined {
  return backend;
}

/**
 * The message for `key` in the reader's language, with `$1`… filled from `substitutions`.
 * An unknown key (or no backend) yields the key itself: a visible bug beats an empty label.
 */
export function t(key: MessageKey, substitutions?: string | number | ReadonlyArray<string | number>): string {
  const subs = substitutions === undefined ? undefined : [substitutions].flat().map(String);
  return backend?.(key, subs) || key;
}

/**
 * A backend over a catalog, following the rules of `browser.i18n.getMessage`: `$NAME$` is
 * replaced by its placeholder's content (names are case-insensitive), then `$1`…`$9` by the
 * substitutions and `$$` by `$`.
 */
export function catalogBackend(catalog: Catalog): MessageBackend {
  return (key, substitutions = []) => {
    const entry = Object.hasOwn(catalog, key) ? catalog[key] : undefined;
    if (!entry) return '';
    const placeholders = new Map(
      Object.entries(entry.placeholders ?? {}).map(([name, value]) => [name.toLowerCase(), value.content]),
    );
    const expanded = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
      return placeholders.get(name.toLowerCase()) ?? whole;
    });
    return expanded.replace(/\$(\$|[1-9])/g, (_, token: string) => {
      return token === '$' ? '$' : (substitutions[Number(token) - 1] ?? '');
    });
  };
}
