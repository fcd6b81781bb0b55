/**
 * Vite plugin: compiles the knowledge base at build time and serves it as the virtual module
 * `virtual:fact-context/knowledge` (default export: the `KnowledgeBase` as JSON), so the
 * extension bundles plain data and never zod. Invalid data fails the build with every problem
 * listed; the data files are watched, so `vite build --watch` and the dev server recompile.
 */
import type { Plugin } from 'vite';
import { compileKnowledgeBase } from './compile.ts';
import { KnowledgeBaseError } from './errors.ts';
import { readKnowledgeFiles } from './load.ts';
import type { LoadOptions } from './load.ts';

/** The id extension code imports: `import kb from 'virtual:fact-context/knowledge'`. */
export const KNOWLEDGE_MODULE_ID = 'virtual:fact-context/knowledge';
const RESOLVED_ID = `\0${KNOWLEDGE_MODULE_ID}`;

/** Options: where the data and the seeds are (see `loadKnowledgeBase`). */
export type KnowledgePluginOptions = Pick<LoadOptions, 'dataDir' | 'seedsDir'>;

/** Provides `virtual:fact-context/knowledge`. */
export function factContextKnowledge(options: KnowledgePluginOptions = {}): Plugin {
  let watched: string[] = [];
  return {
    name: 'fact-context:knowledge',
    resolveId(id) {
      return id === KNOWLEDGE_MODULE_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      let files: string[] = [];
      try {
        const read = readKnowledgeFiles(options);
        files = read.files;
        read.notes.forEach((note) => this.warn(note));
        const kb = compileKnowledgeBase(read.raw);
        return `export default ${JSON.stringify(kb)};\n`;
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
        const mod = server.moduleGraph.getModuleById(RESOLVED_ID);
        if (mod) server.moduleGraph.invalidateModule(mod);
      };
      server.watcher.on('change', onChange);
      server.watcher.on('add', onChange);
      server.watcher.on('unlink', onChange);
    },
  };
}
