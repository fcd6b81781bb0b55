import en from '../../../public/_locales/en/messages.json';
import { catalogBackend, setMessageBackend, type Catalog } from '../../../src/ui/i18n.ts';

/** Renders with the English catalog, so tests read what a reader sees. */
export function useEnglish(): void {
  setMessageBackend(catalogBackend(en as Catalog));
}
