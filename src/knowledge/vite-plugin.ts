/**
 * Vite plugin: compiles the knowledge base at build time and serves it as virtual modules
 * (default export: plain JSON), so the extension bundles data and never zod:
 * `virtual:fact-context/knowledge` is the whole `KnowledgeBase`; `.../core` (companies and
 * claims as matching needs them) and `.../details` (excerpts, sources, descriptions) are its two
 * halves, for a content script that carries the core and loads the details with the overlay
 * (see `parts.ts`). Every one of
 * them compiles and validates the whole base: invalid data fails the build with every problem
 * listed. The data files are watched, so `vite build --watch` and the dev server recompile.
 */
import type { Plugin } from 'vite';
import { compileKnowledgeBase } from './compile.ts';
import { KnowledgeBaseError } from './errors.ts';
import { readKnowledgeFiles } from './load.ts';
import type { LoadOptions } from './load.ts';
import { splitKnowledgeBase } from './parts.ts';
import type { KnowledgeBase } from './types.ts';

/** The id extension code imports: `import kb from 'virtual:fact-context/knowledge'`. */
export const KNOWLEDGE_MODULE_ID = 'virtual:fact-context/knowledge';
/** Companies and claims as matching needs them (`KnowledgeCore`). */
export const KNOWLEDGE_CORE_ID = `${KNOWLEDGE_MODULE_ID}/core`;
/** Excerpts, sources and descriptive lines (`KnowledgeDetails`). */
export const KNOWLEDGE_DETAILS_ID = `${KNOWLEDGE_MODULE_ID}/details`;

/** What each module exports, from the compiled base. */
const PARTS: Record<string, (kb: KnowledgeBase) => unknown> = {
  [KNOWLEDGE_MODULE_ID]: (kb) => kb,
  [KNOWLEDGE_CORE_ID]: (kb) => splitKnowledgeBase(kb).core,
  [KNOWLEDGE_DETAILS_ID]: (kb) => splitKnowledgeBase(kb).details,
};
const RESOLVED_PREFIX = '\0';

/** Options: where the data and the seeds are (see `loadKnowledgeBase`). */
export type KnowledgePluginOptions = Pick<LoadOptions, 'dataDir' | 'seedsDir'>;

/** Provides `virtual:fact-context/knowledge` and its `/core` and `/details` halves. */
export function factContextKnowledge(options: KnowledgePluginOptions = {}): Plugin {
  let watched: string[] = [];
  const resolved = Object.keys(PARTS).map((id) => RESOLVED_PREFIX + id);
  return {
    name: 'fact-context:knowledge',
    resolveId(id) {
      return Object.hasOwn(PARTS, id) ? RESOLVED_PREFIX + id : undefined;
    },
    load(id) {
      const part = id.startsWith(RESOLVED_PREFIX) && Object.hasOwn(PARTS, id.slice(1)) ? PARTS[id.slice(1)] : undefined;
      if (!part) return undefined;
      let files: string[] = [];
      try {
        const read = readKnowledgeFiles(options);
        files = read.files;
        read.notes.forEach((note) => this.warn(note));
        const kb = compileKnowledgeBase(read.raw);
        return `export default ${JSON.stringify(part(kb))};\n`;
      } catch (error) {
        if (error instanceof KnowledgeBaseError) this.error(error.message);
        throw error;
      } finally {
        // Watch even when the data is broken, so fixing a file rebuilds.
        watched = files.length > 0 ? files : watched;
        watched.forEach((file) => this.addWatchFile(file));
      }
    },
    configureServer(server) {
      // The dev server does not follow addWatchFile for virtual modules: invalidate by hand.
      const onChange = (file: string) => {
        if (!watched.includes(file) && !file.includes('/src/knowledge/data/')) return;
        for (const resolvedId of resolved) {
          const mod = server.moduleGraph.getModuleById(resolvedId);
          if (mod) server.moduleGraph.invalidateModule(mod);
        }
      };
      server.watcher.on('change', onChange);
      server.watcher.on('add', onChange);
      server.watcher.on('unlink', onChange);
    },
  };
}
