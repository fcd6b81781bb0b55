/** The compiled knowledge base, provided at build time by `src/knowledge/vite-plugin.ts`. */
declare module 'virtual:fact-context/knowledge' {
  const knowledgeBase: import('./types.ts').KnowledgeBase;
  export default knowledgeBase;
}

/** Its companies and claims only: what the content script needs on every page. */
declare module 'virtual:fact-context/knowledge/core' {
  const core: import('./parts.ts').KnowledgeCore;
  export default core;
}

/** Its sources and excerpts only: what the overlay module adds when it loads. */
declare module 'virtual:fact-context/knowledge/excerpts' {
  const excerpts: import('./parts.ts').KnowledgeExcerpts;
  export default excerpts;
}
