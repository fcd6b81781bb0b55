/**
 * Small formatting helpers for the overlay. Dates in the knowledge base carry the precision the
 * source gives (`2018`, `2018-06`, `2018-06-05`); we show exactly that much.
 */

/** An ISO date at its own precision, in the reader's locale; the input itself if it is not one. */
export function formatIsoDate(iso: string, locale?: string): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match;
  if (!month) return year ?? iso;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day ?? 1)));
  if (Number.isNaN(date.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = day
    ? { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }
    : { year: 'numeric', month: 'long', timeZone: 'UTC' };
  try {
    return new Intl.DateTimeFormat(locale, options).format(date);
  } catch {
    return iso;
  }
}

/** A DOM-id-safe token for an entity or claim id (ids are kebab-case, but data is untrusted). */
export function domId(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
}
